package id.narasiahli.accounts.boundary;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which roles a resource method needs: its own annotation first, then its class's; nothing said, anyone. */
class RoleCheckTest {

    @RolesAllowed({"USER", "ADMIN"})
    static class Members {
        public void inherits() {
        }

        @RolesAllowed("ADMIN")
        public void narrows() {
        }

        @PermitAll
        public void opens() {
        }

        @DenyAll
        public void closes() {
        }
    }

    @PermitAll
    static class Public {
        public void inherits() {
        }

        @RolesAllowed("ADMIN")
        public void narrows() {
        }
    }

    static class Unannotated {
        public void inherits() {
        }
    }

    @Test
    void theMethodsAnnotationWinsOverItsClasss() throws Exception {
        assertEquals(Optional.of(List.of("USER", "ADMIN")), required(Members.class, "inherits"));
        assertEquals(Optional.of(List.of("ADMIN")), required(Members.class, "narrows"));
        assertEquals(Optional.empty(), required(Members.class, "opens"));
        assertEquals(Optional.of(List.of()), required(Members.class, "closes"), "@DenyAll: no role is enough");
        assertEquals(Optional.empty(), required(Public.class, "inherits"));
        assertEquals(Optional.of(List.of("ADMIN")), required(Public.class, "narrows"));
        assertEquals(Optional.empty(), required(Unannotated.class, "inherits"));
    }

    private static Optional<List<String>> required(Class<?> type, String method) throws NoSuchMethodException {
        return RoleCheck.required(type.getMethod(method), type);
    }
}
