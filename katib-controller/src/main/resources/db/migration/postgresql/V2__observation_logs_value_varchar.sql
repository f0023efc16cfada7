-- Nothing to change: value is TEXT here since V1 (the migration exists for H2; versions move together).
SELECT 1;
