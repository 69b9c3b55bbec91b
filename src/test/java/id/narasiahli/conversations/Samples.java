package id.narasiahli.conversations;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Small files of known kinds, made on the spot. */
final class Samples {

    private Samples() {
    }

    static byte[] png() {
        BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0xFF8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG signature followed by zeros: Tika calls it image/png, which is all the size tests need. */
    static byte[] pngOfSize(int size) {
        byte[] data = Arrays.copyOf(png(), size);
        return data;
    }

    static byte[] mp3() {
        byte[] data = new byte[2048];
        byte[] header = {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0};
        System.arraycopy(header, 0, data, 0, header.length);
        return data;
    }

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] text() {
        return "Just some words, not a picture at all.\n".getBytes(StandardCharsets.UTF_8);
    }

    /** The start of a Windows executable. */
    static byte[] executable() {
        byte[] data = new byte[1024];
        data[0] = 'M';
        data[1] = 'Z';
        data[2] = (byte) 0x90;
        return data;
    }
}
