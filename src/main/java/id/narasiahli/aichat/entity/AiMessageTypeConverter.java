package id.narasiahli.aichat.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter(autoApply = true)
public class AiMessageTypeConverter implements AttributeConverter<AiMessageType, String> {

    @Override
    public String convertToDatabaseColumn(AiMessageType type) {
        return type == null ? null : type.value();
    }

    @Override
    public AiMessageType convertToEntityAttribute(String value) {
        return value == null ? null : AiMessageType.of(value);
    }
}
