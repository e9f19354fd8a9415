package io.touchpoint.ticket.web;

import io.touchpoint.events.Actor;
import io.touchpoint.events.Channel;
import io.touchpoint.events.ticket.Priority;
import io.touchpoint.events.ticket.TicketResolved.Resolution;
import io.touchpoint.tenancy.TenantContext;
import io.touchpoint.ticket.application.TicketManagement;
import io.touchpoint.ticket.application.TicketMerging;
import io.touchpoint.ticket.application.TicketSearch;
import io.touchpoint.ticket.domain.EditTicket;
import io.touchpoint.ticket.domain.InvalidFieldException;
import io.touchpoint.ticket.domain.Tags;
import io.touchpoint.ticket.domain.Ticket;
import io.touchpoint.ticket.domain.TicketMessage;
import io.touchpoint.ticket.domain.TicketStatus;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/tickets}: finding tickets, changing their working fields and status, merging duplicates. */
@RestController
@RequestMapping("/v1/tickets")
class TicketController {

    /** How many messages a single ticket embeds; the rest are a page of {@code /messages} away. */
    static final int EMBEDDED_MESSAGES = 100;

    private static final String STATUSES = "new|open|pending|on_hold|resolved|closed";

    private static final String ID = "[A-Za-z0-9_.:@-]{1,128}";

    private final TicketManagement tickets;

    private final TicketMerging merging;

    TicketController(TicketManagement tickets, TicketMerging merging) {
        this.tickets = tickets;
        this.merging = merging;
    }

    /**
     * Tickets matching every filter given, oldest first ({@code sort=-createdAt}: newest first). A filter that takes
     * several values ({@code status=open,pending}) matches any of them; {@code assignee=none} finds unassigned ones.
     */
    @GetMapping
    PageResponse<TicketResponse> list(
            TenantContext tenant,
            @RequestParam(required = false) Set<TicketStatus> status,
            @RequestParam(required = false) Set<Priority> priority,
            @RequestParam(required = false) Set<Channel> channel,
            @RequestParam(required = false) @Pattern(regexp = ID) String assignee,
            @RequestParam(required = false) @Pattern(regexp = ID) String team,
            @RequestParam(required = false) @Size(min = 1, max = 320) String customer,
            @RequestParam(required = false) @Size(min = 1, max = 64) String tag,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdAfter,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdBefore,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant updatedAfter,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant updatedBefore,
            @RequestParam(defaultValue = "createdAt") @Pattern(regexp = "-?createdAt") String sort,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(required = false) String after) {
        var search = new TicketSearch(
                tenant.tenantId(),
                status,
                priority,
                channel,
                assignee,
                team,
                customer,
                tag != null ? Tags.normalizeOne(tag) : null,
                createdAfter,
                createdBefore,
                updatedAfter,
                updatedBefore,
                Cursor.decode(after),
                sort.startsWith("-"));
        if (tag != null && search.tag() == null) {
            return new PageResponse<>(List.of(), null); // no ticket can carry a tag that is not a valid tag
        }
        return PageResponse.of(tickets.search(search, limit + 1), limit, Ticket::id, TicketResponse::of);
    }

    /** The ticket with its first messages. */
    @GetMapping("/{id}")
    ResponseEntity<TicketResponse> get(TenantContext tenant, @PathVariable String id) {
        Ticket ticket = tickets.get(tenant.tenantId(), id);
        List<TicketMessage> messages = tickets.messages(tenant.tenantId(), ticket, null, EMBEDDED_MESSAGES + 1);
        var page = PageResponse.of(messages, EMBEDDED_MESSAGES, tickets::position, MessageResponse::of);
        return ResponseEntity.ok().eTag(ETags.of(ticket.version())).body(TicketResponse.of(ticket, page));
    }

    @PatchMapping("/{id}")
    ResponseEntity<TicketResponse> update(
            TenantContext tenant,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody UpdateTicketRequest request) {
        Scopes.requireWrite(tenant);
        Ticket updated = tickets.edit(tenant.tenantId(), id, request.toEdit(), actor(tenant), ETags.version(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(updated.version())).body(TicketResponse.of(updated));
    }

    /** Moves the ticket through its life: {@code pending}, {@code on_hold}, {@code resolved}, {@code closed}, … */
    @PostMapping("/{id}/status")
    ResponseEntity<TicketResponse> changeStatus(
            TenantContext tenant,
            @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ChangeStatusRequest request) {
        Scopes.requireWrite(tenant);
        Ticket moved = tickets.moveTo(
                tenant.tenantId(),
                id,
                TicketStatus.valueOf(WebConfiguration.upper(request.status())),
                request.resolution(),
                actor(tenant),
                ETags.version(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(moved.version())).body(TicketResponse.of(moved));
    }

    /** Merges {@code sourceTicketId} into this ticket; the source is closed and points here. */
    @PostMapping("/{id}/merge")
    ResponseEntity<TicketResponse> merge(
            TenantContext tenant, @PathVariable String id, @Valid @RequestBody MergeTicketRequest request) {
        Scopes.requireWrite(tenant);
        Ticket merged = merging.merge(tenant.tenantId(), id, request.sourceTicketId());
        return ResponseEntity.ok().eTag(ETags.of(merged.version())).body(TicketResponse.of(merged));
    }

    static Actor actor(TenantContext tenant) {
        return Actor.agent(tenant.principal());
    }

    /**
     * A partial change: absent fields stay. {@code teamId} and {@code assigneeId} set to null unassign; an agent is
     * always assigned within a team.
     *
     * @param tags the new tags, replacing all others
     * @param customFields the fields to set (string, number or boolean); a field set to null is removed
     */
    record UpdateTicketRequest(
            @Size(min = 1, max = Ticket.MAX_TITLE_LENGTH) String title,
            Priority priority,
            @Size(max = Tags.MAX_TAGS) List<@NotBlank @Size(max = 64) String> tags,
            @Size(max = 100) Map<@NotBlank @Size(max = 64) String, Object> customFields,
            ClearableId teamId,
            ClearableId assigneeId) {

        EditTicket toEdit() {
            requireId("teamId", teamId);
            requireId("assigneeId", assigneeId);
            return new EditTicket(
                    title,
                    priority,
                    tags,
                    CustomFieldJson.changes(customFields),
                    ClearableId.patch(teamId),
                    ClearableId.patch(assigneeId));
        }

        private static void requireId(String field, ClearableId id) {
            if (id != null && id.value() != null && !id.value().matches(ID)) {
                throw new InvalidFieldException(field, "must be 1 to 128 letters, digits or _.:@-");
            }
        }
    }

    /**
     * Where the ticket goes next.
     *
     * @param resolution how it ended, when resolving: {@code solved} (default), {@code duplicate},
     *     {@code no_response}, {@code spam}
     */
    record ChangeStatusRequest(
            @NotNull
                    @Pattern(
                            regexp = STATUSES,
                            message = "must be one of new, open, pending, on_hold, resolved, closed")
                    String status,
            Resolution resolution) {}

    record MergeTicketRequest(@NotBlank @Size(max = 128) String sourceTicketId) {}
}
