package cloud.iotda.adapter.dynamodb.internal;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/**
 * A task row, under its instance's partition: {@code TASK#} and its place in the instance's history (8 hex digits), so
 * the newest come first in a reverse Query; {@code ttl} lets DynamoDB drop it 180 days after it was made.
 */
@DynamoDbBean
public class TaskItem extends TableRow {
    private String taskId;
    private String projectId;
    private String instanceId;
    private String type;
    private String status;
    private String statusDetail;
    private String createTime;
    private String startTime;
    private String endTime;
    private String targetFlavorType;
    private Integer targetFlavorSize;
    private String targetChargeMode;
    private String windowStart;
    private String windowEnd;
    private String orderId;
    private Long ttl;

    public String getTaskId() {
        return taskId;
    }

    public void setTaskId(String taskId) {
        this.taskId = taskId;
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

    public String getStatusDetail() {
        return statusDetail;
    }

    public void setStatusDetail(String statusDetail) {
        this.statusDetail = statusDetail;
    }

    public String getCreateTime() {
        return createTime;
    }

    public void setCreateTime(String createTime) {
        this.createTime = createTime;
    }

    public String getStartTime() {
        return startTime;
    }

    public void setStartTime(String startTime) {
        this.startTime = startTime;
    }

    public String getEndTime() {
        return endTime;
    }

    public void setEndTime(String endTime) {
        this.endTime = endTime;
    }

    public String getTargetFlavorType() {
        return targetFlavorType;
    }

    public void setTargetFlavorType(String targetFlavorType) {
        this.targetFlavorType = targetFlavorType;
    }

    public Integer getTargetFlavorSize() {
        return targetFlavorSize;
    }

    public void setTargetFlavorSize(Integer targetFlavorSize) {
        this.targetFlavorSize = targetFlavorSize;
    }

    public String getTargetChargeMode() {
        return targetChargeMode;
    }

    public void setTargetChargeMode(String targetChargeMode) {
        this.targetChargeMode = targetChargeMode;
    }

    public String getWindowStart() {
        return windowStart;
    }

    public void setWindowStart(String windowStart) {
        this.windowStart = windowStart;
    }

    public String getWindowEnd() {
        return windowEnd;
    }

    public void setWindowEnd(String windowEnd) {
        this.windowEnd = windowEnd;
    }

    public String getOrderId() {
        return orderId;
    }

    public void setOrderId(String orderId) {
        this.orderId = orderId;
    }

    public Long getTtl() {
        return ttl;
    }

    public void setTtl(Long ttl) {
        this.ttl = ttl;
    }
}
