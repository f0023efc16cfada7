package dev.quarkflow.apiserver.rest;

import dev.quarkflow.apiserver.list.ListParams;
import dev.quarkflow.common.error.QuarkflowException;

/** Query-parameter parsing as the gateway does it; empty values mean absent (kfp.Client sends them empty). */
final class Query {

    private Query() {
    }

    static String text(String value) {
        return value == null ? "" : value;
    }

    static int int32(String value, String name) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw QuarkflowException.invalidArgument(name, "\"" + value + "\" is not an int32");
        }
    }

    static boolean bool(String value, String name) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "t" -> true;
            case "false", "0", "f" -> false;
            default -> throw QuarkflowException.invalidArgument(name, "\"" + value + "\" is not a bool");
        };
    }

    static ListParams list(String pageToken, String pageSize, String sortBy, String filter) {
        return new ListParams(pageToken, int32(pageSize, "page_size"), sortBy, filter);
    }
}
