package id.narasiahli.bench.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.stream.IntStream;

/** A page of 50 records shaped like our messages, serialised by JSON-B as our resources are. */
@Path("page")
@Produces(MediaType.APPLICATION_JSON)
public class BarePage {

    public record Item(int id, int conversationId, int senderId, String type, String text, boolean read, String createdAt) {
    }

    public record Page(List<Item> items, int limit, String next) {
    }

    @GET
    public Page page() {
        return new Page(IntStream.range(0, 50).mapToObj(i -> new Item(1_000_000 - i, 1, 2 + i % 2, "text",
                "Pesan nomor " + (1_000_000 - i), true, "2026-01-12T13:46:40")).toList(), 50, "MjAyNi0wMS0xMlQxMzo0NTo1MXw5OTk5NTE");
    }
}
