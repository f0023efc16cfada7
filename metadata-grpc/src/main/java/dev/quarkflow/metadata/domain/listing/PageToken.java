package dev.quarkflow.metadata.domain.listing;

import java.util.Base64;

import com.google.protobuf.InvalidProtocolBufferException;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.proto.mlmd.ListOperationNextPageToken;
import dev.quarkflow.proto.mlmd.ListOperationOptions;

/**
 * Where the next page starts: after the row with this order value and id (keyset paging, so rows inserted meanwhile
 * neither shift nor repeat rows). Encoded as web-safe base64 of upstream's ListOperationNextPageToken message.
 */
public record PageToken(OrderField field, boolean ascending, long lastFieldValue, long lastId) {

    public String encode() {
        var order = ListOperationOptions.OrderByField.newBuilder()
                .setField(ListOperationOptions.OrderByField.Field.valueOf(field.name()))
                .setIsAsc(ascending);
        var token = ListOperationNextPageToken.newBuilder()
                .setIdOffset(lastId)
                .setFieldOffset(lastFieldValue)
                .setSetOptions(ListOperationOptions.newBuilder().setOrderByField(order))
                .build();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.toByteArray());
    }

    public static PageToken decode(String field, String encoded) {
        try {
            var token = ListOperationNextPageToken.parseFrom(Base64.getUrlDecoder().decode(encoded));
            if (!token.hasIdOffset() || !token.getSetOptions().hasOrderByField()) {
                throw QuarkflowException.invalidArgument(field, "not a page token this server issued");
            }
            var order = token.getSetOptions().getOrderByField();
            return new PageToken(OrderField.valueOf(order.getField().name()), order.getIsAsc(),
                    token.getFieldOffset(), token.getIdOffset());
        } catch (IllegalArgumentException | InvalidProtocolBufferException e) {
            throw QuarkflowException.invalidArgument(field, "not a page token this server issued");
        }
    }
}
