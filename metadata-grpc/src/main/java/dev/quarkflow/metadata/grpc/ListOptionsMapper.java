package dev.quarkflow.metadata.grpc;

import dev.quarkflow.common.error.QuarkflowException;
import dev.quarkflow.metadata.domain.listing.ListOptions;
import dev.quarkflow.metadata.domain.listing.OrderField;
import dev.quarkflow.metadata.domain.listing.PageToken;
import dev.quarkflow.proto.mlmd.ListOperationOptions;

/** ListOperationOptions to {@link ListOptions}, with proto2 defaults (20 rows, ID ascending) and validation. */
final class ListOptionsMapper {

    private ListOptionsMapper() {
    }

    static ListOptions fromProto(String field, ListOperationOptions options) {
        if (options.getMaxResultSize() <= 0) {
            throw QuarkflowException.invalidArgument(field + ".max_result_size",
                    "must be positive, got " + options.getMaxResultSize());
        }
        var order = options.getOrderByField();
        if (order.getField() == ListOperationOptions.OrderByField.Field.FIELD_UNSPECIFIED) {
            throw QuarkflowException.invalidArgument(field + ".order_by_field.field", "must not be FIELD_UNSPECIFIED");
        }
        PageToken token = options.getNextPageToken().isEmpty() ? null
                : PageToken.decode(field + ".next_page_token", options.getNextPageToken());
        String filter = options.getFilterQuery().isBlank() ? null : options.getFilterQuery();
        return new ListOptions(options.getMaxResultSize(), OrderField.valueOf(order.getField().name()),
                order.getIsAsc(), token, filter);
    }
}
