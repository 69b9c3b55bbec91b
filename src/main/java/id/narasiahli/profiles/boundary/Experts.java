package id.narasiahli.profiles.boundary;

import id.narasiahli.accounts.entity.Role;
import id.narasiahli.accounts.entity.User;
import id.narasiahli.platform.control.ApiException;
import id.narasiahli.platform.control.Page;
import id.narasiahli.platform.control.PageRequest;
import id.narasiahli.profiles.control.ExpertSearch;
import id.narasiahli.profiles.control.OwnedRecords;
import id.narasiahli.profiles.entity.EducationHistory;
import id.narasiahli.profiles.entity.ResearchJournal;
import id.narasiahli.profiles.entity.WorkHistory;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.util.List;

/** The public expert directory: search and public profiles. Never shows email, phone or WhatsApp. */
@Stateless
public class Experts {

    @PersistenceContext
    EntityManager em;

    @Inject
    OwnedRecords records;

    public record Summary(int id, String fullName, String degree, String lastJobTitle, String lastEducation) {
    }

    public record PublicProfile(int id, String fullName, String degree, String lastJobTitle, String lastEducation,
                                List<Views.PublicEducation> education, List<Views.PublicWork> work,
                                List<Views.PublicJournal> journals) {
    }

    public Page<Summary> search(String q, String jobTitle, String degree, PageRequest page) {
        ExpertSearch search = ExpertSearch.of(q, jobTitle, degree);
        long total = ((Number) bind(em.createNativeQuery(search.countSql()), search.parameters()).getSingleResult()).longValue();
        Query query = bind(em.createNativeQuery(search.pageSql()), search.parameters());
        int next = search.parameters().size() + 1;
        query.setParameter(next, page.limit()).setParameter(next + 1, page.offset());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Summary> items = rows.stream().map(r -> new Summary(((Number) r[0]).intValue(), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4])).toList();
        return Page.of(items, total, page);
    }

    public PublicProfile profile(int id) {
        User user = em.find(User.class, id);
        if (user == null || user.role() != Role.USER) {
            throw ApiException.notFound("Expert " + id);
        }
        return new PublicProfile(user.id(), user.fullName(), user.degree(), user.lastJobTitle(), user.lastEducation(),
                records.all(EducationHistory.class, id, "graduationYear").stream().map(Views.PublicEducation::of).toList(),
                records.all(WorkHistory.class, id, "startDate").stream().map(Views.PublicWork::of).toList(),
                records.all(ResearchJournal.class, id, "publishedDate").stream().map(Views.PublicJournal::of).toList());
    }

    private static Query bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
    }
}
