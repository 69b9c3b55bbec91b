package id.narasiahli.conversations.boundary;

import id.narasiahli.conversations.control.MessageCursor;
import id.narasiahli.conversations.control.MessageHistory;
import id.narasiahli.platform.control.ApiException;
import id.narasiahli.platform.control.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Pages of a conversation's history. A read only, so no EJB and no transaction around it: one statement
 * proves the caller takes part and reads the page (MessageHistory); for anyone else the conversation does not exist.
 */
@ApplicationScoped
public class MessagePages {

    @Inject
    MessageHistory history;

    public MessagePage messages(int me, int conversationId, String before, String limit) {
        int size = PageRequest.number("limit", limit, PageRequest.DEFAULT_LIMIT);
        if (size < 1 || size > PageRequest.MAX_LIMIT) {
            throw ApiException.invalid("limit", "must be between 1 and " + PageRequest.MAX_LIMIT);
        }
        MessageCursor cursor = before == null || before.isBlank() ? null : MessageCursor.decode(before);
        List<MessageHistory.Row> found = history.page(me, conversationId, cursor, size + 1)
                .orElseThrow(() -> ApiException.notFound("Conversation " + conversationId));
        List<MessageHistory.Row> page = found.size() > size ? found.subList(0, size) : found;
        String next = null;
        if (found.size() > size) {
            MessageHistory.Row oldest = page.get(page.size() - 1);
            next = new MessageCursor(oldest.createdAt(), oldest.id()).encode();
        }
        return new MessagePage(page.stream().map(MessageView::of).toList(), size, next);
    }
}
