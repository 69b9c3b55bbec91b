package id.narasiahli.devserver;

import javax.sql.DataSource;
import java.util.Collection;

/** Opens the developer command's package-private draft step to the integration tests. */
public final class SchemaDriftCommandProbe {

    private SchemaDriftCommandProbe() {
    }

    public interface Rendered {
        boolean isEmpty();

        String render(String id);
    }

    public static Rendered draft(Collection<Class<?>> entities, DataSource dev) throws Exception {
        ChangesetDraft.Draft draft = SchemaDriftCommand.draft(entities, dev);
        return new Rendered() {
            public boolean isEmpty() {
                return draft.isEmpty();
            }

            public String render(String id) {
                return draft.render(id);
            }
        };
    }
}
