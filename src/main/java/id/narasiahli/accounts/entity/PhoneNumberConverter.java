package id.narasiahli.accounts.entity;

import id.narasiahli.accounts.phonenumbers.control.PhoneNumbers;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * users.phone_number holds the number encrypted (PhoneNumbers); the entity holds it in plain text. A query
 * comparing the column must compare with the encrypted value (PhoneNumbers.conceal).
 */
@Converter
public class PhoneNumberConverter implements AttributeConverter<String, String> {

    private final String column;

    public PhoneNumberConverter() {
        this(PhoneNumbers.PHONE_NUMBER);
    }

    PhoneNumberConverter(String column) {
        this.column = column;
    }

    @Override
    public String convertToDatabaseColumn(String plain) {
        return plain == null ? null : PhoneNumbers.instance().conceal(column, plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null ? null : PhoneNumbers.instance().reveal(column, stored);
    }

    /** users.whatsapp_number: the same, with its own FF1 tweak. */
    @Converter
    public static class Whatsapp extends PhoneNumberConverter {

        public Whatsapp() {
            super(PhoneNumbers.WHATSAPP_NUMBER);
        }
    }
}
