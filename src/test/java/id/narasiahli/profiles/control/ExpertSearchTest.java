package id.narasiahli.profiles.control;

import id.narasiahli.platform.control.ApiException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExpertSearchTest {

    @Test
    void wordsBecomePrefixTermsAndPunctuationIsDropped() {
        assertEquals("budi:* & san:*", ExpertSearch.prefixQuery("  Budi  san!"));
        assertEquals("o:* & brien:*", ExpertSearch.prefixQuery("o' brien"));
        assertThrows(ApiException.class, () -> ExpertSearch.prefixQuery("!!! ??"));
    }

    @Test
    void likeWildcardsInAJobTitleAreEscaped() {
        ExpertSearch search = ExpertSearch.of(null, "50%_off\\", null);
        assertEquals(List.of("50\\%\\_off\\\\%"), search.parameters());
    }

    @Test
    void filtersCombineAndAdministratorsAreNeverListed() {
        ExpertSearch search = ExpertSearch.of("ana", "Dosen", " Dr. ");
        assertTrue(search.where().startsWith("role = 'USER'"));
        assertEquals(List.of("ana:*", "dosen%", "dr."), search.parameters());
        assertTrue(search.pageSql().endsWith("ORDER BY fullname, id LIMIT ? OFFSET ?"));
    }
}
