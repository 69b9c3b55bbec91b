package id.narasiahli.aichat.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class SessionStatusConverter implements AttributeConverter<SessionStatus, String> {

    @Override
    public String convertToDatabaseColumn(SessionStatus status) {
        return status == null ? null : status.value();
    }

    @Override
    public SessionStatus convertToEntityAttribute(String value) {
        return value == null ? null : SessionStatus.of(value);
    }
}
