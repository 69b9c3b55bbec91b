package id.narasiahli.schema.drift;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A test-only mapping of users with a field no changeset created: what a developer has after adding a field
 * to an entity and forgetting the migration. It lives under src/test so the WAR never ships it.
 */
@Entity
@Table(name = "users")
public class UnmigratedNickname {

    @Id
    private Integer id;

    @Column(name = "nickname", length = 40)
    private String nickname;
}
