package id.narasiahli.accounts.boundary;

import id.narasiahli.accounts.control.Caller;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} on resource methods and classes (the method's own
 * annotation wins over its class's), decided once per resource method when the application starts: a method that
 * needs a role gets a filter that answers 401 without a caller and 403 when the caller has none of the roles. What
 * {@link BearerAuthentication} established is all it reads.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    /** Stands for @PermitAll in the role lists below. */
    private static final String ANYONE = "*permit-all*";

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        required(resource.getResourceMethod(), resource.getResourceClass()).ifPresent(roles -> context.register(new Required(roles)));
    }

    /** The roles a caller of {@code method} needs one of (none: nobody may call it); empty when anyone may call it. */
    static Optional<List<String>> required(Method method, Class<?> resourceClass) {
        List<String> roles = roles(method);
        if (roles == null) {
            roles = roles(resourceClass);
        }
        return roles == null || roles.contains(ANYONE) ? Optional.empty() : Optional.of(roles);
    }

    /** The roles the element asks for; ANYONE for @PermitAll, empty for @DenyAll, null when it says nothing. */
    private static List<String> roles(AnnotatedElement element) {
        if (element == null) {
            return null;
        }
        if (element.isAnnotationPresent(DenyAll.class)) {
            return List.of();
        }
        RolesAllowed allowed = element.getAnnotation(RolesAllowed.class);
        if (allowed != null) {
            return List.of(allowed.value());
        }
        return element.isAnnotationPresent(PermitAll.class) ? List.of(ANYONE) : null;
    }

    /** One resource method's roles; none (@DenyAll) refuses everyone with 403, signed in or not. */
    @Priority(Priorities.AUTHORIZATION)
    record Required(List<String> roles) implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            if (roles.isEmpty()) {
                throw new ForbiddenException();
            }
            if (!(request.getProperty(Caller.PROPERTY) instanceof Caller caller)) {
                throw new NotAuthorizedException("Bearer");
            }
            if (roles.stream().noneMatch(caller::inRole)) {
                throw new ForbiddenException();
            }
        }
    }
}
