/** The arrows: delivery pipelines and their stages, what compute uses, traffic, pipeline actions, events. */
import type { PlannedResource } from "../../model/types";
import { type DiagramEdge, obj, objs, plural, str, wrapList, USED_KINDS } from "./model";
import { Builder, titleOf } from "./builder";

export function safeJson(s: string): unknown {
    try {
        return JSON.parse(s) as unknown;
    } catch {
        return undefined;
    }
}

export interface PipelineDrawing {
    readonly cluster: string;
    readonly first: string;
    readonly last: string;
}

export function addDelivery(b: Builder): Map<PlannedResource, PipelineDrawing> {
    for (const p of b.ofKind("buildProject")) {
        const env = obj(p.inputs.environment) ?? {};
        const image = str(env.image)?.split("/").pop();
        const details = [[str(env.computeType)?.replace(/^BUILD_GENERAL1_/, "").toLowerCase(), image].filter(Boolean).join(" · "), ...(env.privilegedMode === true ? ["Docker builds"] : [])].filter((s) => s !== "");
        b.addPlaced(p, { category: "delivery", kind: "CodeBuild project", title: titleOf(p), details });
    }
    for (const repo of b.ofKind("sourceRepo")) b.addNode(repo, { category: "delivery", kind: "CodeCommit repository", title: titleOf(repo), details: str(repo.inputs.defaultBranch) ? [`branch ${str(repo.inputs.defaultBranch)}`] : [] });
    for (const c of b.ofKind("connection")) b.addNode(c, { category: "delivery", kind: "CodeStar connection", title: titleOf(c), details: str(c.inputs.providerType) ? [str(c.inputs.providerType)!] : [] });
    const apps = b.ofKind("deployApp");
    const appsWithGroups = new Set<PlannedResource>();
    for (const g of b.ofKind("deployGroup")) {
        const app = b.refs.pointedAt(g, g.inputs.appName, apps)[0];
        const style = obj(g.inputs.deploymentStyle);
        const details = [
            ...(app ? [`app ${titleOf(app)}`] : []),
            ...(str(style?.deploymentType) === "BLUE_GREEN" ? ["blue/green"] : []),
            ...(str(g.inputs.deploymentConfigName) ? [str(g.inputs.deploymentConfigName)!.replace(/^CodeDeployDefault\./, "")] : []),
        ];
        const id = b.addNode(g, { category: "delivery", kind: "CodeDeploy deployment group", title: titleOf(g), details });
        if (app) {
            b.fold(app, id);
            appsWithGroups.add(app);
        }
    }
    for (const app of apps) {
        if (!appsWithGroups.has(app)) b.addNode(app, { category: "delivery", kind: "CodeDeploy application", title: titleOf(app), details: str(app.inputs.computePlatform) ? [str(app.inputs.computePlatform)!] : [] });
    }

    const drawings = new Map<PlannedResource, PipelineDrawing>();
    for (const pipeline of b.ofKind("pipeline")) {
        const stages = objs(pipeline.inputs.stages);
        const cluster = `cluster_${b.id(pipeline)}`;
        const type = str(pipeline.inputs.pipelineType);
        b.clusters.push({ id: cluster, kind: "pipeline", label: `CodePipeline ${titleOf(pipeline)}`, ...(type ? { detail: type } : {}) });
        const ids: string[] = [];
        stages.forEach((stage, j) => {
            const actions = objs(stage.actions).sort((x, y) => Number(x.runOrder ?? 1) - Number(y.runOrder ?? 1));
            const id = `${b.id(pipeline)}s${j}`;
            const lines = actions.map((a) => `${str(a.runOrder) ?? "1"}. ${str(a.name) ?? "action"} (${str(a.provider) ?? str(a.category) ?? "?"})`);
            b.nodes.push({ id, category: "delivery", kind: `Stage ${j + 1}`, title: str(stage.name) ?? `stage ${j + 1}`, details: lines, list: true, cluster, urns: [pipeline.urn] });
            ids.push(id);
        });
        if (ids.length === 0) {
            const id = `${b.id(pipeline)}s`;
            b.nodes.push({ id, category: "delivery", kind: "Pipeline", title: titleOf(pipeline), details: ["no stages"], cluster, urns: [pipeline.urn] });
            ids.push(id);
        }
        b.nodeOf.set(pipeline, ids[0]!);
        drawings.set(pipeline, { cluster, first: ids[0]!, last: ids[ids.length - 1]! });
    }
    return drawings;
}

/** The resources whose permissions and settings a compute resource runs with: its task definition, roles and their policies. */
export function runsWith(b: Builder, r: PlannedResource): PlannedResource[] {
    const sources = [r, ...b.resources.filter((x) => b.kindOf(x) === "taskDefinition" && b.nodeOf.get(x) === b.nodeOf.get(r) && x !== r)];
    const roles = new Set(sources.flatMap((s) => b.refs.pointedAtBy(s, b.ofKind("role"))));
    const policies = b.ofKind("policy");
    for (const role of roles) {
        sources.push(role);
        for (const att of b.ofKind("rolePolicy", "policyAttachment")) {
            if (b.refs.pointedAt(att, att.inputs.role, [role]).length === 0) continue;
            if (b.kindOf(att) === "rolePolicy") sources.push(att);
            else sources.push(...b.refs.pointedAt(att, att.inputs.policyArn, policies));
        }
    }
    return sources;
}

export function addUses(b: Builder): void {
    const targets = b.ofKind(...USED_KINDS);
    for (const r of b.ofKind("ecsService", "taskDefinition", "lambda", "buildProject")) {
        const from = b.nodeOf.get(r);
        if (!from || (b.kindOf(r) === "taskDefinition" && from !== b.id(r))) continue;
        const used = new Set(runsWith(b, r).flatMap((s) => b.refs.pointedAtBy(s, targets)));
        for (const t of used) {
            const to = b.nodeOf.get(t);
            if (to) b.addEdge({ from, to, kind: "uses" });
        }
    }
}

export function addTraffic(b: Builder): void {
    const tgs = b.ofKind("targetGroup");
    const listeners = b.ofKind("listener");
    for (const l of listeners) {
        const lb = b.refs.pointedAt(l, l.inputs.loadBalancerArn, b.ofKind("alb"))[0];
        if (!lb) continue;
        for (const tg of b.refs.pointedAt(l, l.inputs.defaultActions, tgs)) {
            b.addEdge({ from: b.id(lb), to: b.id(tg), kind: "serves", label: `${str(l.inputs.protocol) ?? ""} ${str(l.inputs.port) ?? ""}`.trim() });
        }
    }
    for (const rule of b.ofKind("listenerRule")) {
        const listener = b.refs.pointedAt(rule, rule.inputs.listenerArn, listeners)[0];
        const lb = listener ? b.refs.pointedAt(listener, listener.inputs.loadBalancerArn, b.ofKind("alb"))[0] : undefined;
        if (!lb) continue;
        for (const tg of b.refs.pointedAt(rule, rule.inputs.actions, tgs)) b.addEdge({ from: b.id(lb), to: b.id(tg), kind: "serves" });
    }
    for (const svc of b.ofKind("ecsService")) {
        for (const tg of b.refs.pointedAt(svc, svc.inputs.loadBalancers, tgs)) b.addEdge({ from: b.id(tg), to: b.id(svc), kind: "serves" });
    }
    for (const att of b.ofKind("targetAttachment")) {
        const tg = b.refs.pointedAt(att, att.inputs.targetGroupArn, tgs)[0];
        const target = b.refs.pointedAt(att, att.inputs.targetId, b.ofKind("lambda", "ecsService"))[0];
        if (tg && target) b.addEdge({ from: b.id(tg), to: b.nodeOf.get(target)!, kind: "serves" });
    }
    for (const g of b.ofKind("deployGroup")) {
        const services = b.refs.pointedAt(g, g.inputs.ecsService, b.ofKind("ecsService"));
        for (const svc of services) b.addEdge({ from: b.id(g), to: b.id(svc), kind: "uses", label: "deploys" });
        // Blue/green: the service takes traffic through either target group of the pair, the idle one included.
        for (const tg of b.refs.pointedAt(g, g.inputs.loadBalancerInfo, tgs)) {
            for (const svc of services) b.addEdge({ from: b.id(tg), to: b.id(svc), kind: "serves" });
        }
    }
    for (const img of b.ofKind("image")) {
        for (const repo of b.refs.pointedAtBy(img, b.ofKind("registry"))) b.addEdge({ from: b.id(img), to: b.id(repo), kind: "uses", label: "push" });
    }
}

/** Stage → the project, repository, function or deployment group an action names; a source flows into its stage. */
export function addPipelineEdges(b: Builder, drawings: ReadonlyMap<PlannedResource, PipelineDrawing>): void {
    const shown = b.resources.filter((r) => b.nodeOf.has(r) && b.kindOf(r) !== "pipeline" && b.kindOf(r) !== "vpc");
    for (const [pipeline, drawing] of drawings) {
        objs(pipeline.inputs.stages).forEach((stage, j) => {
            const stageId = `${b.id(pipeline)}s${j}`;
            for (const action of objs(stage.actions)) {
                for (const t of b.refs.pointedAt(pipeline, action.configuration, shown)) {
                    const node = b.nodeOf.get(t)!;
                    if (str(action.category) === "Source") b.addEdge({ from: node, to: stageId, kind: "uses" });
                    else b.addEdge({ from: stageId, to: node, kind: "uses" });
                }
            }
        });
        for (let j = 1; j < objs(pipeline.inputs.stages).length; j++) {
            b.addEdge({ from: `${b.id(pipeline)}s${j - 1}`, to: `${b.id(pipeline)}s${j}`, kind: "flow" });
        }
        const stores = [...objs(pipeline.inputs.artifactStores), ...objs(pipeline.inputs.artifactStore)];
        for (const bucket of b.refs.pointedAt(pipeline, stores.map((s) => s.location), b.ofKind("bucket"))) {
            b.addEdge({ from: drawing.last, to: b.id(bucket), kind: "artifacts", label: "artifacts", ltail: drawing.cluster });
        }
    }
}

/** Events: what a rule listens to and where it sends; alarms → topic; topic → subscriber; stream → function. */
export function addEvents(b: Builder, drawings: ReadonlyMap<PlannedResource, PipelineDrawing>): void {
    const shown = b.resources.filter((r) => b.nodeOf.has(r) && b.kindOf(r) !== "vpc");
    const into = (r: PlannedResource): Pick<DiagramEdge, "to" | "lhead"> => {
        const d = drawings.get(r);
        return d ? { to: d.first, lhead: d.cluster } : { to: b.nodeOf.get(r)! };
    };
    const outOf = (r: PlannedResource): Pick<DiagramEdge, "from" | "ltail"> => {
        const d = drawings.get(r);
        return d ? { from: d.last, ltail: d.cluster } : { from: b.nodeOf.get(r)! };
    };
    const rules = b.ofKind("eventRule");
    for (const rule of rules) {
        for (const src of b.refs.pointedAt(rule, [rule.inputs.eventPattern, rule.inputs.eventBusName], shown)) {
            if (src !== rule) b.addEdge({ ...outOf(src), to: b.id(rule), kind: "event" });
        }
    }
    for (const target of b.ofKind("eventTarget")) {
        const rule = b.refs.pointedAt(target, target.inputs.rule, rules)[0];
        const dest = b.refs.pointedAt(target, target.inputs.arn, shown.filter((r) => r !== rule))[0];
        if (rule && dest) b.addEdge({ from: b.id(rule), ...into(dest), kind: "event" });
    }
    for (const rule of b.ofKind("notificationRule")) {
        for (const src of b.refs.pointedAt(rule, rule.inputs.resource, shown)) b.addEdge({ ...outOf(src), to: b.id(rule), kind: "event" });
        for (const dest of b.refs.pointedAt(rule, objs(rule.inputs.targets).map((t) => t.address), shown)) b.addEdge({ from: b.id(rule), ...into(dest), kind: "event" });
    }
    for (const sub of b.ofKind("subscription")) {
        const topic = b.refs.pointedAt(sub, sub.inputs.topic, b.ofKind("topic"))[0];
        const dest = b.refs.pointedAt(sub, sub.inputs.endpoint, shown.filter((r) => r !== topic))[0];
        if (topic && dest) b.addEdge({ from: b.id(topic), ...into(dest), kind: "event" });
    }
    for (const m of b.ofKind("eventSourceMapping")) {
        const src = b.refs.pointedAt(m, m.inputs.eventSourceArn, shown)[0];
        const fn = b.refs.pointedAt(m, m.inputs.functionName, b.ofKind("lambda"))[0];
        if (src && fn) b.addEdge({ from: b.nodeOf.get(src)!, to: b.id(fn), kind: "event" });
    }
    // Alarms are many and alike: one node for all of them, with an arrow to each topic they notify.
    const alarms = b.ofKind("alarm");
    if (alarms.length > 0) {
        const metrics = [...new Set(alarms.map((a) => str(a.inputs.metricName) ?? a.name))];
        const id = b.addNode(alarms[0]!, { category: "monitoring", kind: "CloudWatch alarms", title: plural(alarms.length, "alarm"), details: wrapList(metrics) });
        for (const a of alarms.slice(1)) b.fold(a, id);
        const topics = b.ofKind("topic");
        for (const a of alarms) {
            for (const t of b.refs.pointedAt(a, [a.inputs.alarmActions, a.inputs.okActions, a.inputs.insufficientDataActions], topics)) b.addEdge({ from: id, to: b.id(t), kind: "event" });
        }
    }
}
