package id.narasiahli.platform.control;

import java.util.List;
import java.util.function.Function;

/** One page of a list, with the total count so clients can page through it. */
public record Page<T>(List<T> items, long total, int limit, int offset) {

    /** The page {@code request} asked for, holding {@code items}. */
    public static <T> Page<T> of(List<T> items, long total, PageRequest request) {
        return new Page<>(items, total, request.limit(), request.offset());
    }

    /** The page {@code request} asked for, of {@code rows} turned into views by {@code view}. */
    public static <R, T> Page<T> of(List<R> rows, Function<? super R, ? extends T> view, long total, PageRequest request) {
        return new Page<>(rows.stream().<T>map(view).toList(), total, request.limit(), request.offset());
    }

    /** This page with each item turned into something else (an entity page into a view page). */
    public <U> Page<U> map(Function<? super T, ? extends U> view) {
        return new Page<>(items.stream().<U>map(view).toList(), total, limit, offset);
    }
}
