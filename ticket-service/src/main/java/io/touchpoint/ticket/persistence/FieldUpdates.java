package io.touchpoint.ticket.persistence;

import java.util.Set;
import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Update;

/**
 * An update that rewrites every field of a document from a new version of it, with {@code $set} for the fields that
 * have a value and {@code $unset} for those that became empty. Unlike a replace, it leaves alone the fields named in
 * {@code keep}: the outbox events a relay has not published yet, the events a consumer applied.
 */
final class FieldUpdates {

    private FieldUpdates() {}

    static Update rewriting(MongoConverter converter, Object newVersion, Set<String> keep) {
        Document written = new Document();
        converter.write(newVersion, written);
        MongoPersistentEntity<?> entity =
                converter.getMappingContext().getRequiredPersistentEntity(newVersion.getClass());
        Update update = new Update();
        for (MongoPersistentProperty property : entity) {
            String field = property.getFieldName();
            if (keep.contains(field)) {
                continue;
            }
            Object value = written.get(field);
            if (value == null) {
                update.unset(field);
            } else {
                update.set(field, value);
            }
        }
        return update;
    }
}
