package cloud.iotda.testing;

import java.util.Map;

/**
 * What each events/ fixture must get back, on the tests' seeded world and on a freshly started local API alike,
 * whatever fixtures ran before it: the demo seed and {@link TestWorld} give each fixture that changes an instance an
 * instance of its own.
 */
public final class FixtureAnswers {
    private FixtureAnswers() {
    }

    /** What a fixture must get back: status, error code (null for 2xx) and a part of the message. */
    public record Expected(int status, String errorCode, String messagePart) {
        static Expected ok() {
            return new Expected(200, null, null);
        }
    }

    public static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("list-instances.json", Expected.ok()),
            Map.entry("keystone-create-user-token-by-password.json", new Expected(201, null, null)),
            Map.entry("keystone-list-projects.json", Expected.ok()),
            Map.entry("keystone-list-projects-project-token.json",
                    new Expected(403, "IAM.0002", "made for one project")),
            Map.entry("keystone-list-auth-projects.json", Expected.ok()),
            Map.entry("keystone-list-auth-domains.json", Expected.ok()),
            Map.entry("show-customer-order-details.json", Expected.ok()),
            Map.entry("list-customer-orders.json", Expected.ok()),
            Map.entry("show-customer-order-details-project-token.json",
                    new Expected(403, "CBC.0151", "made for one project")),
            Map.entry("cancel-customer-order.json", new Expected(204, null, null)),
            Map.entry("pay-orders.json", new Expected(204, null, null)),
            Map.entry("pay-orders-v2.json", new Expected(204, null, null)),
            Map.entry("pay-orders-completed.json",
                    new Expected(400, "CBC.99003106", "is COMPLETED, not awaiting payment")),
            Map.entry("pay-orders-v2-coupon.json",
                    new Expected(400, "CBC.0100", "offers no coupons or discounts")),
            Map.entry("renewal-resources.json", Expected.ok()),
            Map.entry("renewal-resources-period-num-12.json",
                    new Expected(400, "CBC.0100", "period_num must be 1..11 when period_type is 2 (month)")),
            Map.entry("cancel-resources-subscription.json", Expected.ok()),
            Map.entry("cancel-resources-subscription-no-renewals.json",
                    new Expected(400, "CBC.0100", "unsubscribes renewed months not begun")),
            Map.entry("list-pay-per-use-customer-resources.json", Expected.ok()),
            Map.entry("auto-renewal-resources.json", new Expected(204, null, null)),
            Map.entry("cancel-auto-renewal-resources.json", new Expected(204, null, null)),
            Map.entry("auto-renewal-resources-pay-per-use.json", new Expected(400, "CBC.0101", "billed postPaid")),
            Map.entry("cancel-customer-order-completed.json",
                    new Expected(400, "CBC.99005010", "cannot be cancelled in its status COMPLETED")),
            Map.entry("list-instance-flavors.json", Expected.ok()),
            Map.entry("list-instances-limit-600.json", new Expected(400, "IOTDA.000017", "'limit'")),
            Map.entry("create-instance.json", Expected.ok()),
            Map.entry("create-instance-yearly.json", Expected.ok()),
            Map.entry("create-instance-s0-yearly.json", new Expected(400, "IOTDA.060007", "iotda.standard.s0")),
            Map.entry("show-instance.json", Expected.ok()),
            Map.entry("update-instance.json", Expected.ok()),
            Map.entry("update-instance-short-window.json",
                    new Expected(400, "IOTDA.000006", "operate_window must be at least 1 hour long")),
            Map.entry("delete-instance.json", new Expected(204, null, null)),
            Map.entry("delete-instance-yearly.json", new Expected(400, "IOTDA.060012", "yearly/monthly")),
            Map.entry("bind-tags.json", Expected.ok()),
            Map.entry("bind-tags-21.json", new Expected(400, "IOTDA.000006", "at most 20 tags")),
            Map.entry("unbind-tags.json", Expected.ok()),
            Map.entry("list-orders.json", Expected.ok()),
            Map.entry("show-order.json", Expected.ok()),
            Map.entry("list-instance-tasks.json", Expected.ok()),
            Map.entry("show-instance-task.json", Expected.ok()),
            Map.entry("retry-instance-task.json", Expected.ok()),
            Map.entry("show-order-unknown.json", new Expected(404, "IOTDA.060009", "does not exist")),
            Map.entry("resize.json", Expected.ok()),
            Map.entry("resize-enterprise.json", Expected.ok()),
            Map.entry("resize-delayed.json", Expected.ok()),
            Map.entry("resize-prepaid-awaits-payment.json", Expected.ok()),
            Map.entry("resize-missing-flavor-type.json", new Expected(400, "IOTDA.000006", "flavor.type is required")),
            Map.entry("resize-cross-edition.json",
                    new Expected(400, "IOTDA.060004", "standard edition to the enterprise")),
            Map.entry("resize-delay-as-string.json", new Expected(400, "IOTDA.000006", "delay must be a boolean")),
            Map.entry("resize-text-plain.json", new Expected(400, "IOTDA.000008", "application/json")),
            Map.entry("resize-not-json.json", new Expected(400, "IOTDA.000008", "not valid JSON")),
            Map.entry("resize-unknown-instance.json", new Expected(404, "IOTDA.060000", "does not exist")),
            Map.entry("resize-no-token.json", new Expected(401, "IOTDA.000002", "no credentials")),
            Map.entry("resize-other-project-token.json", new Expected(403, "IOTDA.000004", "do not grant access")),
            Map.entry("change-charge-mode.json", Expected.ok()),
            Map.entry("change-charge-mode-put.json", Expected.ok()),
            Map.entry("change-charge-mode-period-num-4-year.json",
                    new Expected(400, "IOTDA.000006", "period_num must be 1..3 when period_type is year")),
            Map.entry("change-charge-mode-s0.json", new Expected(400, "IOTDA.060007", "iotda.standard.s0")),
            Map.entry("change-charge-mode-already-prepaid.json", new Expected(400, "IOTDA.060006", "prePaid")));

    /** Scheduled-event fixtures (EventBridge) and the function they reach. */
    public static final Map<String, String> SCHEDULED = Map.of("order-processor.json", "OrderProcessorFunction");
}
