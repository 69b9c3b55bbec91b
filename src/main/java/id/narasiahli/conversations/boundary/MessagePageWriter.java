package id.narasiahli.conversations.boundary;

import id.narasiahli.platform.control.Timestamps;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The history page, the most requested document, written with JSON-P instead of JSON-B: Yasson's recursion check
 * hashes every record it writes (the page's hash covers all its messages, then each message is hashed again) and
 * its chain of serializers per property cost about as much as the page's query. The bytes are JSON-B's for the same
 * page (MessagePageWriterTest compares both): members in JSON-B's default lexicographic order, nulls written
 * ({@code @JsonbNillable}), instants as JsonbSettings writes them.
 */
@Provider
@Produces(MediaType.APPLICATION_JSON)
public class MessagePageWriter implements MessageBodyWriter<MessagePage> {

    private static final JsonGeneratorFactory GENERATORS = Json.createGeneratorFactory(Map.of());

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == MessagePage.class;
    }

    @Override
    public void writeTo(MessagePage page, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> httpHeaders, OutputStream entityStream) {
        try (JsonGenerator json = GENERATORS.createGenerator(entityStream, StandardCharsets.UTF_8)) {
            write(page, json);
        }
    }

    private static void write(MessagePage page, JsonGenerator json) {
        json.writeStartObject().writeStartArray("items");
        for (MessageView m : page.items()) {
            json.writeStartObject()
                    .write("conversationId", m.conversationId());
            text(json, "createdAt", m.createdAt() == null ? null : Timestamps.format(m.createdAt()));
            text(json, "fileName", m.fileName());
            if (m.fileSize() == null) {
                json.writeNull("fileSize");
            } else {
                json.write("fileSize", m.fileSize());
            }
            text(json, "fileUrl", m.fileUrl());
            json.write("id", m.id());
            text(json, "messageType", m.messageType());
            json.write("read", m.read()).write("senderId", m.senderId());
            text(json, "text", m.text());
            json.writeEnd();
        }
        json.writeEnd().write("limit", page.limit());
        text(json, "nextCursor", page.nextCursor());
        json.writeEnd();
    }

    private static void text(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }
}
