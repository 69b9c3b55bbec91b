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

    @Override
    public String convertToDatabaseColumn(String plain) {
        return plain == null ? null : PhoneNumbers.instance().conceal(PhoneNumbers.PHONE_NUMBER, plain);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return stored == null ? null : PhoneNumbers.instance().reveal(PhoneNumbers.PHONE_NUMBER, stored);
    }

    /**
     * users.whatsapp_number: the same, with its own FF1 tweak. It implements AttributeConverter itself:
     * EclipseLink reads the converted types from the class's own interfaces and fails on a subclass.
     */
    @Converter
    public static class Whatsapp implements AttributeConverter<String, String> {

        @Override
        public String convertToDatabaseColumn(String plain) {
            return plain == null ? null : PhoneNumbers.instance().conceal(PhoneNumbers.WHATSAPP_NUMBER, plain);
        }

        @Override
        public String convertToEntityAttribute(String stored) {
            return stored == null ? null : PhoneNumbers.instance().reveal(PhoneNumbers.WHATSAPP_NUMBER, stored);
        }
    }
}
