package cloud.iotda.adapter.dynamodb.internal;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/** An order row, stored under its instance's partition so an instance's orders are one query. */
@DynamoDbBean
public class OrderItem extends TableRow {
    private String orderId;
    private String projectId;
    private String instanceId;
    private String type;
    private String status;
    /** Before orders stored their change typed: the normalized request JSON. Read, never written. */
    private String request;
    private String flavorType;
    private Integer flavorSize;
    private Boolean delay;
    private Boolean autoPay;
    private String periodType;
    private Integer periodNum;
    private Boolean autoRenew;
    private String requestHash;
    private String createTime;
    private String updateTime;
    private String executeAfter;
    private String orderKey;
    private String createdKey;
    private String dueKind;
    private String dueAt;
    /** The order's task; absent on orders placed before tasks were kept. */
    private String taskId;
    /** A RENEW order's origin: {@code automatic} (at expiry) or {@code console} (the billing console's hand). */
    private String renewal;

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public String getProjectId() {
        return projectId;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public void setInstanceId(String instanceId) {
        this.instanceId = instanceId;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getRequest() {
        return request;
    }

    public void setRequest(String request) {
        this.request = request;
    }

    public String getFlavorType() {
        return flavorType;
    }

    public void setFlavorType(String flavorType) {
        this.flavorType = flavorType;
    }

    public Integer getFlavorSize() {
        return flavorSize;
    }

    public void setFlavorSize(Integer flavorSize) {
        this.flavorSize = flavorSize;
    }

    public Boolean getDelay() {
        return delay;
    }

    public void setDelay(Boolean delay) {
        this.delay = delay;
    }

    public Boolean getAutoPay() {
        return autoPay;
    }

    public void setAutoPay(Boolean autoPay) {
        this.autoPay = autoPay;
    }

    public String getPeriodType() {
        return periodType;
    }

    public void setPeriodType(String periodType) {
        this.periodType = periodType;
    }

    public Integer getPeriodNum() {
        return periodNum;
    }

    public void setPeriodNum(Integer periodNum) {
        this.periodNum = periodNum;
    }

    public Boolean getAutoRenew() {
        return autoRenew;
    }

    public void setAutoRenew(Boolean autoRenew) {
        this.autoRenew = autoRenew;
    }

    public String getRequestHash() {
        return requestHash;
    }

    public void setRequestHash(String requestHash) {
        this.requestHash = requestHash;
    }

    public String getCreateTime() {
        return createTime;
    }

    public void setCreateTime(String createTime) {
        this.createTime = createTime;
    }

    public String getUpdateTime() {
        return updateTime;
    }

    public void setUpdateTime(String updateTime) {
        this.updateTime = updateTime;
    }

    public String getExecuteAfter() {
        return executeAfter;
    }

    public void setExecuteAfter(String executeAfter) {
        this.executeAfter = executeAfter;
    }

    /** The order id again, only on order rows: the key of the ByOrderId index (instance rows also have orderId). */
    @DynamoDbSecondaryPartitionKey(indexNames = "ByOrderId")
    public String getOrderKey() {
        return orderKey;
    }

    public void setOrderKey(String orderKey) {
        this.orderKey = orderKey;
    }

    /** Set only while the order awaits something: which work is due (execution or payment expiry). */
    @DynamoDbSecondaryPartitionKey(indexNames = "DueOrders")
    public String getDueKind() {
        return dueKind;
    }

    public void setDueKind(String dueKind) {
        this.dueKind = dueKind;
    }

    @DynamoDbSecondarySortKey(indexNames = "DueOrders")
    public String getDueAt() {
        return dueAt;
    }

    public void setDueAt(String dueAt) {
        this.dueAt = dueAt;
    }

    /** Creation time to the nanosecond, then the order id: the sort key of the ByCreateTime index. */
    @DynamoDbSecondarySortKey(indexNames = "ByCreateTime")
    public String getCreatedKey() {
        return createdKey;
    }

    public void setCreatedKey(String createdKey) {
        this.createdKey = createdKey;
    }

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
    }

    public String getRenewal() {
        return renewal;
    }

    public void setRenewal(String renewal) {
        this.renewal = renewal;
    }
}
