package id.narasiahli.conversations.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** The column holds the plan's lower-case names ('text', 'image', …). */
@Converter(autoApply = true)
public class MessageTypeConverter implements AttributeConverter<MessageType, String> {

    @Override
    public String convertToDatabaseColumn(MessageType type) {
        return type == null ? null : type.value();
    }

    @Override
    public MessageType convertToEntityAttribute(String value) {
        return value == null ? null : MessageType.of(value);
    }
}
