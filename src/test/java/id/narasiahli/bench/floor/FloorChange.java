package id.narasiahli.bench.floor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stack floor's one entity: a row of Liquibase's tracking table, which every benchmark database has. */
@Entity
@Table(name = "databasechangelog")
public class FloorChange {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "md5sum")
    private String checksum;

    public String id() {
        return id;
    }

    public String checksum() {
        return checksum;
    }
}
