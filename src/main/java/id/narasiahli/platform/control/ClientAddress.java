package id.narasiahli.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The client's address for throttling. Behind a load balancer every request comes from the balancer, so
 * the first X-Forwarded-For entry is used, but only when {@code narasi.http.trust-forwarded-for} says the
 * balancer sets it (otherwise any client could pick its own address).
 */
@ApplicationScoped
public class ClientAddress {

    @Inject
    @ConfigProperty(name = "narasi.http.trust-forwarded-for", defaultValue = "false")
    boolean trustForwardedFor;

    public String of(HttpServletRequest request) {
        if (trustForwardedFor) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String first = forwarded.split(",")[0].trim();
                return first.length() > 64 ? first.substring(0, 64) : first;
            }
        }
        return request.getRemoteAddr();
    }
}
