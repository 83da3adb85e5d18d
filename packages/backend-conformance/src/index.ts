// backend-conformance: nothing is exported until its issue lands.
export {};
