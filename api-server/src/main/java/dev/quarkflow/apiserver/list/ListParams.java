package dev.quarkflow.apiserver.list;

/**
 * The list parameters every List RPC takes, as the client sent them (empty strings mean absent, as
 * {@code kfp.Client} sends {@code page_token=&sort_by=}).
 */
public record ListParams(String pageToken, int pageSize, String sortBy, String filter) {

    public ListParams {
        pageToken = pageToken == null ? "" : pageToken.trim();
        sortBy = sortBy == null ? "" : sortBy.trim();
        filter = filter == null ? "" : filter.trim();
    }
}
