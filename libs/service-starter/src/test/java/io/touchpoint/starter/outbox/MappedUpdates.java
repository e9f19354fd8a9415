package io.touchpoint.starter.outbox;

import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Update;

/** The update document Spring Data sends to MongoDB for an {@link Update}. */
public final class MappedUpdates {

    private static final UpdateMapper mapper =
            new UpdateMapper(new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, new MongoMappingContext()));

    private MappedUpdates() {}

    public static Document of(Update update) {
        return mapper.getMappedObject(update.getUpdateObject(), (MongoPersistentEntity<?>) null);
    }
}
