package id.narasiahli.files.control;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileNamesTest {

    @Test
    void keepsOnlyASafeBaseName() {
        assertEquals("ijazah S1.png", FileNames.sanitize("C:\\Users\\budi\\ijazah S1.png"));
        assertEquals("passwd", FileNames.sanitize("../../etc/passwd"));
        assertEquals("a_b_.pdf", FileNames.sanitize("a\"b\n.pdf"));
        assertEquals("htaccess", FileNames.sanitize(".htaccess"));
        assertEquals("file", FileNames.sanitize("  "));
        assertEquals("file", FileNames.sanitize(null));
        assertEquals(255, FileNames.sanitize("x".repeat(300) + ".png").length());
    }
}
