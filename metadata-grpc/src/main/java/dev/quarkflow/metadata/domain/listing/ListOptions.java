package dev.quarkflow.metadata.domain.listing;

/**
 * One page request: at most {@code maxResultSize} rows ordered by {@code field} then id, after the row the
 * {@code pageToken} points at (null for the first page), restricted by {@code filterQuery} (null for none).
 */
public record ListOptions(int maxResultSize, OrderField field, boolean ascending, PageToken pageToken,
        String filterQuery) {

    /** Upstream fetches one row beyond the page, and never more than 101 rows. */
    public static final int MAX_FETCH = 101;

    /** Rows to read: the page plus one to know whether another page follows. */
    public int fetchSize() {
        return Math.min(maxResultSize + 1, MAX_FETCH);
    }

    /** Whether rows read with {@link #fetchSize()} leave a next page; above 100 upstream returns all 101, no token. */
    public boolean hasNextPage(int rowsRead) {
        return maxResultSize < MAX_FETCH && rowsRead > maxResultSize;
    }

    /** How many of the rows read this page returns. */
    public int pageSize(int rowsRead) {
        return hasNextPage(rowsRead) ? maxResultSize : rowsRead;
    }
}
