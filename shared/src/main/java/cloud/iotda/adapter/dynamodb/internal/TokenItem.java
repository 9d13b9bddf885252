package cloud.iotda.adapter.dynamodb.internal;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** A token row: keyed by the token's SHA-256; {@code ttl} lets DynamoDB drop it after expiry. */
@DynamoDbBean
public class TokenItem extends TableRow {
    private String projectId;
    private String expiresAt;
    private Long ttl;

    public String getProjectId() {
        return projectId;
    }

    public void setProjectId(String projectId) {
        this.projectId = projectId;
    }

    public String getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(String expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Long getTtl() {
        return ttl;
    }

    public void setTtl(Long ttl) {
        this.ttl = ttl;
    }
}
