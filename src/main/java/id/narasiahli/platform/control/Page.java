package id.narasiahli.platform.control;

import java.util.List;

/** One page of a list, with the total count so clients can page through it. */
public record Page<T>(List<T> items, long total, int limit, int offset) {
}
