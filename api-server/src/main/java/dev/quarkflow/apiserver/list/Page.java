package dev.quarkflow.apiserver.list;

import java.util.List;

/** One page of entities, the total matching the scope and filter, and the token of the next page ("" at the end). */
public record Page<E>(List<E> items, int totalSize, String nextPageToken) {
}
