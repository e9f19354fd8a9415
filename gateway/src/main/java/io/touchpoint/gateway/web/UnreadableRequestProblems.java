package io.touchpoint.gateway.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Gives a problem body to the errors the HTTP server answers before any filter sees the request: a request line or
 * headers too long to read (414, 431) and a request the server cannot parse (400: a malformed request line, or a URL
 * whose percent-encoding is invalid, which Spring refuses before routing). Reactor Netty and Spring answer those
 * with an empty body; every other error of the public API is {@code application/problem+json}, so these are too,
 * with the headers of {@link SecurityHeadersFilter}.
 *
 * <p>A handler between the HTTP codec and Reactor Netty's traffic handler on every connection: it fills in a full
 * response with one of those statuses, an empty body and no content type, never a response that has a body (a
 * service's or the gateway's own problems) nor the answer to a HEAD request. (A request line too long to read has no
 * method yet; that answer closes the connection, so a body after it harms no later response.)
 */
@Component
public class UnreadableRequestProblems implements NettyServerCustomizer {

    private static final Map<Integer, byte[]> PROBLEMS = Map.of(
            400,
            problem(
                    400,
                    "bad_request",
                    "Bad request",
                    "The request could not be read: check its request line, headers and the URL's percent-encoding."),
            414,
            problem(414, "uri_too_long", "URI too long", "The request's URL is longer than this server accepts."),
            431,
            problem(
                    431,
                    "request_headers_too_large",
                    "Request headers too large",
                    "The request's headers are larger than this server accepts."));

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, address) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, "touchpoint.problems", new Handler());
            }
        });
    }

    private static byte[] problem(int status, String code, String title, String detail) {
        String json = "{\"type\":\"" + Problems.TYPE_BASE + code.replace('_', '-') + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** One per connection: it remembers whether the request being answered is a HEAD. */
    static final class Handler extends ChannelDuplexHandler {

        private boolean answeringHead;

        @Override
        public void channelRead(ChannelHandlerContext context, Object message) {
            if (message instanceof HttpRequest request) {
                answeringHead = HttpMethod.HEAD.equals(request.method());
            }
            context.fireChannelRead(message);
        }

        @Override
        public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
            if (message instanceof FullHttpResponse response && !answeringHead && isBare(response)) {
                byte[] body = PROBLEMS.get(response.status().code());
                if (body != null) {
                    context.write(withBody(response, body), promise);
                    return;
                }
            }
            context.write(message, promise);
        }

        private static boolean isBare(FullHttpResponse response) {
            return !response.content().isReadable() && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
        }

        private static FullHttpResponse withBody(FullHttpResponse bare, byte[] body) {
            FullHttpResponse filled = new DefaultFullHttpResponse(
                    bare.protocolVersion(),
                    bare.status(),
                    Unpooled.wrappedBuffer(body),
                    bare.headers(),
                    bare.trailingHeaders());
            filled.headers()
                    .remove(HttpHeaderNames.TRANSFER_ENCODING)
                    .set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            SecurityHeadersFilter.DEFAULTS.forEach(filled.headers()::set);
            bare.release();
            return filled;
        }
    }
}
