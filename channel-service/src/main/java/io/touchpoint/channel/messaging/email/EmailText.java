package io.touchpoint.channel.messaging.email;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain text of an HTML mail body, for mail that comes without a text part and for the text part of mail we send:
 * what a reader sees, line by line, without markup, styles or scripts. Not a full HTML parser: mail HTML is simple
 * enough for this, and the HTML itself is kept beside the text.
 */
final class EmailText {

    private static final Pattern HIDDEN =
            Pattern.compile("(?is)<!--.*?-->|<(script|style|head|title)\\b[^>]*>.*?</\\1\\s*>");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final Pattern LINE_BREAK = Pattern.compile("(?i)<br\\b[^>]*>");

    private static final Pattern BLOCK = Pattern.compile(
            "(?i)</?(p|div|h[1-6]|ul|ol|table|tr|blockquote|pre|hr|section|article|header|footer|center)\\b[^>]*>");

    private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li\\b[^>]*>");

    private static final Pattern CELL_END = Pattern.compile("(?i)</t[dh]\\s*>");

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private static final Pattern ENTITY =
            Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});");

    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");

    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("nbsp", " "),
            Map.entry("amp", "&"),
            Map.entry("lt", "<"),
            Map.entry("gt", ">"),
            Map.entry("quot", "\""),
            Map.entry("apos", "'"),
            Map.entry("copy", "\u00a9"),
            Map.entry("reg", "\u00ae"),
            Map.entry("trade", "\u2122"),
            Map.entry("hellip", "\u2026"),
            Map.entry("mdash", "\u2014"),
            Map.entry("ndash", "\u2013"),
            Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"),
            Map.entry("ldquo", "\u201c"),
            Map.entry("rdquo", "\u201d"),
            Map.entry("laquo", "\u00ab"),
            Map.entry("raquo", "\u00bb"),
            Map.entry("bull", "\u2022"),
            Map.entry("middot", "\u00b7"),
            Map.entry("euro", "\u20ac"),
            Map.entry("pound", "\u00a3"),
            Map.entry("auml", "\u00e4"),
            Map.entry("ouml", "\u00f6"),
            Map.entry("uuml", "\u00fc"),
            Map.entry("Auml", "\u00c4"),
            Map.entry("Ouml", "\u00d6"),
            Map.entry("Uuml", "\u00dc"),
            Map.entry("szlig", "\u00df"),
            Map.entry("eacute", "\u00e9"),
            Map.entry("egrave", "\u00e8"),
            Map.entry("agrave", "\u00e0"),
            Map.entry("ccedil", "\u00e7"),
            Map.entry("zwnj", ""),
            Map.entry("shy", ""));

    private EmailText() {}

    static String fromHtml(String html) {
        String text = HIDDEN.matcher(html).replaceAll("");
        // Source line breaks mean nothing in HTML; the markup says where lines end.
        text = WHITESPACE.matcher(text).replaceAll(" ");
        text = LINE_BREAK.matcher(text).replaceAll("\n");
        text = BLOCK.matcher(text).replaceAll("\n");
        text = LIST_ITEM.matcher(text).replaceAll("\n- ");
        text = CELL_END.matcher(text).replaceAll(" ");
        text = TAG.matcher(text).replaceAll("");
        text = decodeEntities(text);
        StringBuilder lines = new StringBuilder(text.length());
        for (String line : text.split("\n", -1)) {
            lines.append(line.replace('\u00a0', ' ').strip()).append('\n');
        }
        return BLANK_LINES.matcher(lines).replaceAll("\n\n").strip();
    }

    private static String decodeEntities(String text) {
        Matcher matcher = ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(decoded, Matcher.quoteReplacement(decode(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(decoded);
        return decoded.toString();
    }

    private static String decode(String entity, String original) {
        if (entity.charAt(0) != '#') {
            String named = NAMED.get(entity);
            return named != null ? named : NAMED.getOrDefault(entity.toLowerCase(Locale.ROOT), original);
        }
        boolean hex = entity.length() > 1 && (entity.charAt(1) == 'x' || entity.charAt(1) == 'X');
        int codePoint = Integer.parseInt(entity.substring(hex ? 2 : 1), hex ? 16 : 10);
        return Character.isValidCodePoint(codePoint) && codePoint != 0 ? Character.toString(codePoint) : original;
    }
}
