import RDS2 from "../../../../src/offline/policy/controls/RDS.2";
import RDS3 from "../../../../src/offline/policy/controls/RDS.3";
import RDS5 from "../../../../src/offline/policy/controls/RDS.5";
import RDS6 from "../../../../src/offline/policy/controls/RDS.6";
import RDS8 from "../../../../src/offline/policy/controls/RDS.8";
import RDS9 from "../../../../src/offline/policy/controls/RDS.9";
import RDS10 from "../../../../src/offline/policy/controls/RDS.10";
import RDS11 from "../../../../src/offline/policy/controls/RDS.11";
import RDS13 from "../../../../src/offline/policy/controls/RDS.13";
import RDS17 from "../../../../src/offline/policy/controls/RDS.17";
import RDS23 from "../../../../src/offline/policy/controls/RDS.23";
import RDS25 from "../../../../src/offline/policy/controls/RDS.25";
import RDS36 from "../../../../src/offline/policy/controls/RDS.36";
import RDS46 from "../../../../src/offline/policy/controls/RDS.46";
import { builder, controlCases, dev, fail, pass } from "../controls";
import type { PolicyTarget } from "../../../../src/offline/policy/types";

const db = builder("aws:rds/instance:Instance");
const postgres = (props: Record<string, unknown> = {}) => db({ engine: "postgres", ...props });

controlCases(RDS2, {
    passing: [pass("publiclyAccessible false", db({ publiclyAccessible: false })), pass("publiclyAccessible unset", db())],
    failing: [fail("publiclyAccessible true", db({ publiclyAccessible: true }), "publiclyAccessible")],
});

controlCases(RDS3, {
    passing: [pass("storageEncrypted true", db({ storageEncrypted: true }))],
    failing: [
        fail("storageEncrypted unset", db(), "storageEncrypted"),
        fail("storageEncrypted false", db({ storageEncrypted: false }), "storageEncrypted"),
    ],
});

controlCases(RDS5, {
    passing: [pass("multiAz true", db({ multiAz: true }))],
    failing: [
        fail("multiAz unset", db(), "multiAz"),
        fail("multiAz false, reported in dev too", db({ multiAz: false }), "multiAz", 1, dev),
    ],
});

controlCases(RDS6, {
    passing: [pass("interval 60 with a role", db({ monitoringInterval: 60, monitoringRoleArn: "arn:aws:iam::1:role/mon" }))],
    failing: [
        fail("interval 0", db({ monitoringInterval: 0, monitoringRoleArn: "arn:r" }), "monitoringInterval"),
        fail("interval 60 without a role", db({ monitoringInterval: 60 }), "monitoringRoleArn"),
        fail("interval 45 is not allowed", db({ monitoringInterval: 45, monitoringRoleArn: "arn:r" }), "monitoringInterval"),
    ],
});

controlCases(RDS8, {
    passing: [pass("deletionProtection true", db({ deletionProtection: true }))],
    failing: [
        fail("deletionProtection unset (default false)", db(), "deletionProtection"),
        fail("deletionProtection false in dev", db({ deletionProtection: false }), "deletionProtection", 1, dev),
    ],
});

controlCases(RDS9, {
    passing: [
        pass("both log types exported", postgres({ enabledCloudwatchLogsExports: ["postgresql", "upgrade"] })),
        pass("not PostgreSQL", db({ engine: "mysql" })),
    ],
    failing: [
        fail("no exports", postgres(), "enabledCloudwatchLogsExports"),
        fail("upgrade missing", postgres({ enabledCloudwatchLogsExports: ["postgresql"] }), "upgrade"),
    ],
});

controlCases(RDS10, {
    passing: [
        pass("IAM auth on", postgres({ iamDatabaseAuthenticationEnabled: true })),
        pass("engine without IAM auth", db({ engine: "oracle-ee" })),
    ],
    failing: [
        fail("postgres without IAM auth", postgres(), "iamDatabaseAuthenticationEnabled"),
        fail("mysql with IAM auth off", db({ engine: "mysql", iamDatabaseAuthenticationEnabled: false }), "iamDatabaseAuthenticationEnabled"),
    ],
});

controlCases(RDS11, {
    passing: [pass("7 days", db({ backupRetentionPeriod: 7 })), pass("read replica", db({ replicateSourceDb: "primary-id" }))],
    failing: [
        fail("unset (AWS default 1 day)", db(), "backupRetentionPeriod"),
        fail("3 days", db({ backupRetentionPeriod: 3 }), "backupRetentionPeriod"),
    ],
});

controlCases(RDS13, {
    passing: [pass("unset (default true)", db()), pass("true", db({ autoMinorVersionUpgrade: true }))],
    failing: [fail("false", db({ autoMinorVersionUpgrade: false }), "autoMinorVersionUpgrade")],
});

controlCases(RDS17, {
    passing: [pass("copyTagsToSnapshot true", db({ copyTagsToSnapshot: true }))],
    failing: [fail("copyTagsToSnapshot unset", db(), "copyTagsToSnapshot")],
});

controlCases(RDS23, {
    passing: [pass("custom PostgreSQL port", postgres({ port: 5532 })), pass("custom MySQL port", db({ engine: "mysql", port: 3307 }))],
    failing: [fail("port unset", postgres(), "port"), fail("port 5432 on postgres", postgres({ port: 5432 }), "port")],
});

controlCases(RDS25, {
    passing: [
        pass("custom username", postgres({ username: "orders_admin" })),
        pass("username unset (restored from a snapshot)", postgres()),
    ],
    failing: [
        fail("postgres", postgres({ username: "postgres" }), "username"),
        fail("admin", db({ engine: "mysql", username: "admin" }), "username"),
    ],
});

controlCases(RDS36, {
    passing: [
        pass("postgresql exported", postgres({ enabledCloudwatchLogsExports: ["postgresql"] })),
        pass("not PostgreSQL", db({ engine: "mariadb" })),
    ],
    failing: [fail("only upgrade exported", postgres({ enabledCloudwatchLogsExports: ["upgrade"] }), "enabledCloudwatchLogsExports")],
});

const subnet = builder("aws:ec2/subnet:Subnet");
const routeTable = builder("aws:ec2/routeTable:RouteTable");
const route = builder("aws:ec2/route:Route");
const association = builder("aws:ec2/routeTableAssociation:RouteTableAssociation");
const igw = builder("aws:ec2/internetGateway:InternetGateway")({}, "igw");
const subnetGroup = builder("aws:rds/subnetGroup:SubnetGroup")(
    { name: "orders-db-subnets", subnetIds: ["private-a-id", "private-b-id"] },
    "db-subnets",
);

/** Two private subnets in the database's subnet group, both on `private-rt`. */
function network(tableProps: Record<string, unknown>, ...extra: PolicyTarget[]): PolicyTarget[] {
    return [
        subnet({}, "private-a"),
        subnet({}, "private-b"),
        routeTable(tableProps, "private-rt"),
        association({ subnetId: "private-a-id", routeTableId: "private-rt-id" }, "private-a-assoc"),
        association({ subnetId: "private-b-id", routeTableId: "private-rt-id" }, "private-b-assoc"),
        igw,
        subnetGroup,
        db({ dbSubnetGroupName: "orders-db-subnets" }),
        ...extra,
    ];
}

controlCases(RDS46, {
    passing: [
        pass("default route to a NAT gateway", network({ routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: "nat-id" }] })),
        pass(
            "internet route only on a subnet outside the group",
            network(
                {},
                routeTable({ routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-id" }] }, "public-rt"),
                subnet({}, "public-a"),
                association({ subnetId: "public-a-id", routeTableId: "public-rt-id" }, "public-a-assoc"),
            ),
        ),
    ],
    failing: [
        fail("inline default route to the internet gateway", network({ routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-id" }] }), "dbSubnetGroupName"),
        fail(
            "aws.ec2.Route ::/0 to the internet gateway",
            network({}, route({ routeTableId: "private-rt-id", destinationIpv6CidrBlock: "::/0", gatewayId: "igw-id" })),
            "dbSubnetGroupName",
        ),
    ],
});
