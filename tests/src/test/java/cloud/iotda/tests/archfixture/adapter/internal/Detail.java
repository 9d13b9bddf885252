package cloud.iotda.tests.archfixture.adapter.internal;

/** Fixture: a detail of the adapter package, which only the adapter may use. */
public final class Detail {
}
