package cloud.iotda.adapter.dynamodb.internal;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;

/** An instance row of the single table. */
@DynamoDbBean
public class InstanceItem extends TableRow {
    private String projectId;
    private String instanceId;
    private String name;
    private String description;
    private String instanceType;
    private String flavorType;
    private Integer flavorSize;
    private String chargeMode;
    private String status;
    private String periodType;
    private Integer periodNum;
    private Boolean autoRenew;
    private String expireTime;
    private String windowStart;
    private String windowEnd;
    private String orderId;
    private String lastOrderId;
    private String lastRequestHash;
    private String lastOrderTime;
    private String createTime;
    private String updateTime;
    private Long version;
    /** How many tasks the instance has made; absent on rows written before tasks were kept. */
    private Long taskCount;
    /** When the subscription started and how many months it has bought; absent on rows written before renewals. */
    private String subscriptionStart;
    private Integer subscriptionMonths;
    private String dueKind;
    private String dueAt;
    private String regionId;
    private String enterpriseProjectId;
    private List<TagItem> tags;
    private String vpcId;
    private String subnetId;
    private String securityGroupId;
    private String cipheringAlgorithm;
    private Boolean snatEnabled;
    private List<AccessItem> accesses;
    private String deleteTime;
    private String projectKey;
    private String listedAt;

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

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getInstanceType() {
        return instanceType;
    }

    public void setInstanceType(String instanceType) {
        this.instanceType = instanceType;
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

    public String getChargeMode() {
        return chargeMode;
    }

    public void setChargeMode(String chargeMode) {
        this.chargeMode = chargeMode;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
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

    public String getExpireTime() {
        return expireTime;
    }

    public void setExpireTime(String expireTime) {
        this.expireTime = expireTime;
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

    public String getLastOrderId() {
        return lastOrderId;
    }

    public void setLastOrderId(String lastOrderId) {
        this.lastOrderId = lastOrderId;
    }

    public String getLastRequestHash() {
        return lastRequestHash;
    }

    public void setLastRequestHash(String lastRequestHash) {
        this.lastRequestHash = lastRequestHash;
    }

    public String getLastOrderTime() {
        return lastOrderTime;
    }

    public void setLastOrderTime(String lastOrderTime) {
        this.lastOrderTime = lastOrderTime;
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

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
    public String getRegionId() {
        return regionId;
    }

    public void setRegionId(String regionId) {
        this.regionId = regionId;
    }

    public String getEnterpriseProjectId() {
        return enterpriseProjectId;
    }

    public void setEnterpriseProjectId(String enterpriseProjectId) {
        this.enterpriseProjectId = enterpriseProjectId;
    }

    public List<TagItem> getTags() {
        return tags;
    }

    public void setTags(List<TagItem> tags) {
        this.tags = tags;
    }

    public String getVpcId() {
        return vpcId;
    }

    public void setVpcId(String vpcId) {
        this.vpcId = vpcId;
    }

    public String getSubnetId() {
        return subnetId;
    }

    public void setSubnetId(String subnetId) {
        this.subnetId = subnetId;
    }

    public String getSecurityGroupId() {
        return securityGroupId;
    }

    public void setSecurityGroupId(String securityGroupId) {
        this.securityGroupId = securityGroupId;
    }

    public String getCipheringAlgorithm() {
        return cipheringAlgorithm;
    }

    public void setCipheringAlgorithm(String cipheringAlgorithm) {
        this.cipheringAlgorithm = cipheringAlgorithm;
    }

    public Boolean getSnatEnabled() {
        return snatEnabled;
    }

    public void setSnatEnabled(Boolean snatEnabled) {
        this.snatEnabled = snatEnabled;
    }

    public List<AccessItem> getAccesses() {
        return accesses;
    }

    public void setAccesses(List<AccessItem> accesses) {
        this.accesses = accesses;
    }

    public String getDeleteTime() {
        return deleteTime;
    }

    public void setDeleteTime(String deleteTime) {
        this.deleteTime = deleteTime;
    }

    /** The project again, only while the instance is not deleted: the key of the ByProject index. */
    @DynamoDbSecondaryPartitionKey(indexNames = "ByProject")
    public String getProjectKey() {
        return projectKey;
    }

    public void setProjectKey(String projectKey) {
        this.projectKey = projectKey;
    }

    /** Creation time to the nanosecond, then the instance id: the sort key of the ByProject index. */
    @DynamoDbSecondarySortKey(indexNames = "ByProject")
    public String getListedAt() {
        return listedAt;
    }

    public void setListedAt(String listedAt) {
        this.listedAt = listedAt;
    }

    public Long getTaskCount() {
        return taskCount;
    }

    public void setTaskCount(Long taskCount) {
        this.taskCount = taskCount;
    }

    public String getSubscriptionStart() {
        return subscriptionStart;
    }

    public void setSubscriptionStart(String subscriptionStart) {
        this.subscriptionStart = subscriptionStart;
    }

    public Integer getSubscriptionMonths() {
        return subscriptionMonths;
    }

    public void setSubscriptionMonths(Integer subscriptionMonths) {
        this.subscriptionMonths = subscriptionMonths;
    }

    /**
     * Set only while the processor has work with the instance's subscription (renew, freeze or delete it), so
     * that the instance is found by the same DueOrders index as due orders, under its own partition.
     */
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
}
