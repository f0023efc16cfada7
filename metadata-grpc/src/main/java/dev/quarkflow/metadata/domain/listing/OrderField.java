package dev.quarkflow.metadata.domain.listing;

/** What a list is ordered by; ties are broken by id in the same direction. */
public enum OrderField {
    CREATE_TIME,
    LAST_UPDATE_TIME,
    ID
}
