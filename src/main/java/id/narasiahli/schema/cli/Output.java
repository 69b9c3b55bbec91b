package id.narasiahli.schema.cli;

import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a command prints: aligned tables and lines for people, or one JSON document for scripts ({@code --json}).
 * JSON is written here (maps, lists, records, text, numbers) so the command needs no JSON library.
 */
final class Output {

    private final boolean json;
    private final PrintStream out;

    Output(boolean json, PrintStream out) {
        this.json = json;
        this.out = out;
    }

    boolean json() {
        return json;
    }

    /** A line for people; nothing in JSON mode, where only the final document is printed. */
    void line(String text) {
        if (!json) {
            out.println(text);
            out.flush();
        }
    }

    void document(Object value) {
        out.println(toJson(value));
        out.flush();
    }

    void table(List<String> headers, List<List<Object>> rows) {
        if (json) {
            return;
        }
        int[] widths = new int[headers.size()];
        List<List<String>> cells = new ArrayList<>();
        cells.add(headers);
        rows.forEach(r -> cells.add(r.stream().map(v -> v == null ? "" : String.valueOf(v)).toList()));
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    static String toJson(Object value) {
        StringBuilder json = new StringBuilder();
        write(json, value);
        return json.toString();
    }

    private static void write(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            json.append(value);
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.append(first ? "" : ",");
                first = false;
                string(json, String.valueOf(entry.getKey()));
                json.append(':');
                write(json, entry.getValue());
            }
            json.append('}');
        } else if (value instanceof Collection<?> list) {
            json.append('[');
            boolean first = true;
            for (Object item : list) {
                json.append(first ? "" : ",");
                first = false;
                write(json, item);
            }
            json.append(']');
        } else if (value.getClass().isRecord()) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    fields.put(component.getName(), component.getAccessor().invoke(value));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            write(json, fields);
        } else {
            string(json, value.toString());
        }
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
