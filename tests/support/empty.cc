// Keeps workos_test_support non-empty.
