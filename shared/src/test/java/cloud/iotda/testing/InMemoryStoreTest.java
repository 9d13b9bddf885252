package cloud.iotda.testing;

/** The in-memory ports keep the contract the DynamoDB adapter keeps. */
class InMemoryStoreTest extends StoreContract {
    @Override
    protected Store newStore() {
        InMemoryStore store = new InMemoryStore();
        return new Store(store, store, store, store, store, store, store);
    }

    @Override
    protected Object contentOf(Store store) {
        return ((InMemoryStore) store.content()).snapshot();
    }
}
