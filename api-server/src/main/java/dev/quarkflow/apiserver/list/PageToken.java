package dev.quarkflow.apiserver.list;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;

import dev.quarkflow.common.error.QuarkflowException;

/**
 * An opaque page token: the sort and filter it was made with, and the first row of the next page (its sort value
 * and key). Keyset pagination makes it stable under inserts: the next page starts at that row, wherever new rows
 * landed.
 *
 * @param sortBy the normalised sort ("created_at asc")
 * @param filter the canonical filter JSON, "" when none
 * @param sortValue the next row's sort value (a string or a number)
 * @param key the next row's id
 */
public record PageToken(String sortBy, String filter, Value sortValue, String key) {

    public String encode() {
        Struct struct = Struct.newBuilder()
                .putFields("sort_by", Value.newBuilder().setStringValue(sortBy).build())
                .putFields("filter", Value.newBuilder().setStringValue(filter).build())
                .putFields("value", sortValue)
                .putFields("key", Value.newBuilder().setStringValue(key).build())
                .build();
        try {
            String json = JsonFormat.printer().omittingInsignificantWhitespace().print(struct);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PageToken decode(String token) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            Struct.Builder struct = Struct.newBuilder();
            JsonFormat.parser().merge(json, struct);
            var fields = struct.getFieldsMap();
            if (!fields.containsKey("sort_by") || !fields.containsKey("key") || !fields.containsKey("value")) {
                throw invalid();
            }
            return new PageToken(fields.get("sort_by").getStringValue(),
                    fields.getOrDefault("filter", Value.getDefaultInstance()).getStringValue(), fields.get("value"),
                    fields.get("key").getStringValue());
        } catch (IllegalArgumentException | InvalidProtocolBufferException e) {
            throw invalid();
        }
    }

    private static QuarkflowException invalid() {
        return QuarkflowException.invalidArgument("page_token", "Invalid page token");
    }
}
