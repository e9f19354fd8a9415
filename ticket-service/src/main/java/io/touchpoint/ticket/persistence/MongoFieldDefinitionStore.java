package io.touchpoint.ticket.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.touchpoint.ticket.application.FieldDefinitionStore;
import io.touchpoint.ticket.domain.FieldDefinition;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

@Repository
class MongoFieldDefinitionStore implements FieldDefinitionStore {

    private final MongoTemplate mongo;

    MongoFieldDefinitionStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<FieldDefinition> all(String tenantId, int limit) {
        return mongo
                .find(
                        query(where("tenantId").is(tenantId))
                                .with(Sort.by("name"))
                                .limit(limit),
                        FieldDefinitionDocument.class)
                .stream()
                .map(FieldDefinitionDocument::toDefinition)
                .toList();
    }

    @Override
    public Optional<FieldDefinition> find(String tenantId, String name) {
        return Optional.ofNullable(
                        mongo.findById(FieldDefinitionDocument.id(tenantId, name), FieldDefinitionDocument.class))
                .map(FieldDefinitionDocument::toDefinition);
    }

    @Override
    public boolean insert(FieldDefinition definition) {
        try {
            mongo.insert(FieldDefinitionDocument.of(definition));
            return true;
        } catch (DuplicateKeyException defined) {
            return false;
        }
    }

    @Override
    public boolean updateLabel(FieldDefinition definition) {
        var update = new Update().set("updatedAt", definition.updatedAt());
        if (definition.label() == null) {
            update.unset("label");
        } else {
            update.set("label", definition.label());
        }
        return mongo.updateFirst(
                                query(where("_id")
                                        .is(FieldDefinitionDocument.id(definition.tenantId(), definition.name()))
                                        .and("type")
                                        .is(definition.type())),
                                update,
                                FieldDefinitionDocument.class)
                        .getMatchedCount()
                == 1;
    }

    @Override
    public boolean delete(String tenantId, String name) {
        return mongo.remove(
                                query(where("_id").is(FieldDefinitionDocument.id(tenantId, name))),
                                FieldDefinitionDocument.class)
                        .getDeletedCount()
                == 1;
    }
}
