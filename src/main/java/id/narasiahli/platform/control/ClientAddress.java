package id.narasiahli.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * The client's address for throttling. Behind load balancers every request comes from the nearest one, so
 * the address is taken from X-Forwarded-For, where each proxy appends the address it received the request
 * from. Only the entries the operator's own proxies appended can be trusted, and those are the rightmost
 * ones: with {@code narasi.http.trusted-proxies} = N the client is the N-th entry from the right; anything
 * further left was written by the client itself. N = 0 (the default) ignores the header. The older switch
 * {@code narasi.http.trust-forwarded-for=true} means one proxy.
 */
@ApplicationScoped
public class ClientAddress {

    private static final int MAX_LENGTH = 64;

    @Inject
    @ConfigProperty(name = "narasi.http.trusted-proxies")
    Optional<Integer> trustedProxies;

    @Inject
    @ConfigProperty(name = "narasi.http.trust-forwarded-for", defaultValue = "false")
    boolean trustForwardedFor;

    public String of(HttpServletRequest request) {
        return of(request.getHeader("X-Forwarded-For"), request.getRemoteAddr(), trustedProxies.orElse(trustForwardedFor ? 1 : 0));
    }

    /** The entry {@code trusted} places from the right of {@code forwardedFor}; the peer's address when none is trusted. */
    static String of(String forwardedFor, String remoteAddress, int trusted) {
        if (trusted <= 0 || forwardedFor == null || forwardedFor.isBlank()) {
            return remoteAddress;
        }
        String[] entries = forwardedFor.split(",");
        // Fewer entries than trusted proxies: every entry was appended by one of ours, the leftmost is the farthest seen.
        String entry = entries[Math.max(0, entries.length - trusted)].trim();
        if (entry.isEmpty()) {
            return remoteAddress;
        }
        return entry.length() > MAX_LENGTH ? entry.substring(0, MAX_LENGTH) : entry;
    }
}
