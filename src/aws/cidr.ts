/**
 * IPv4 CIDR maths and AWS's VPC block limits (/16 to /28), read by the network component and by
 * the systems' config alike: parsing, containment, overlap and carving subnets from a VPC block.
 * Pure functions, tested with fast-check.
 * @see https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html
 */

export interface Cidr {
    readonly base: number; // network address as an unsigned 32-bit integer
    readonly prefix: number;
}

const CIDR_RE = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses `a.b.c.d/n`; throws with the reason when it is not a valid, aligned IPv4 CIDR block. */
export function parseCidr(text: string): Cidr {
    const m = CIDR_RE.exec(text);
    if (!m) throw new Error(`"${text}" is not an IPv4 CIDR block like 10.0.0.0/16`);
    const octets = m.slice(1, 5).map(Number);
    if (octets.some((o) => o > 255)) throw new Error(`"${text}" has an octet above 255`);
    const prefix = Number(m[5]);
    if (prefix > 32) throw new Error(`"${text}" has a prefix above /32`);
    const base = ((octets[0]! << 24) | (octets[1]! << 16) | (octets[2]! << 8) | octets[3]!) >>> 0;
    if ((base & mask(prefix)) >>> 0 !== base) {
        throw new Error(`"${text}" is not aligned: host bits are set (did you mean ${formatCidr({ base: (base & mask(prefix)) >>> 0, prefix })}?)`);
    }
    return { base, prefix };
}

export function formatCidr(c: Cidr): string {
    const b = c.base;
    return `${b >>> 24}.${(b >>> 16) & 255}.${(b >>> 8) & 255}.${b & 255}/${c.prefix}`;
}

function mask(prefix: number): number {
    return prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0;
}

export function size(c: Cidr): number {
    return 2 ** (32 - c.prefix);
}

export function contains(outer: Cidr, inner: Cidr): boolean {
    return inner.prefix >= outer.prefix && ((inner.base & mask(outer.prefix)) >>> 0) === outer.base;
}

export function overlaps(a: Cidr, b: Cidr): boolean {
    return contains(a, b) || contains(b, a);
}

/** The `index`-th block of `/newPrefix` inside `vpc`. */
export function subnetAt(vpc: Cidr, newPrefix: number, index: number): Cidr {
    if (newPrefix < vpc.prefix || newPrefix > 28) {
        throw new Error(`subnet prefix /${newPrefix} must be between the VPC's /${vpc.prefix} and /28`);
    }
    const count = 2 ** (newPrefix - vpc.prefix);
    if (!Number.isInteger(index) || index < 0 || index >= count) {
        throw new Error(`a /${vpc.prefix} holds ${count} subnets of /${newPrefix}; index ${index} is outside it`);
    }
    return { base: (vpc.base + index * 2 ** (32 - newPrefix)) >>> 0, prefix: newPrefix };
}

export interface SubnetLayout {
    readonly publicCidrs: string[];
    readonly privateCidrs: string[];
}

/**
 * The default layout: public subnets are the first blocks of the VPC, private subnets start
 * at block 10 (10.0.0.0/24, 10.0.1.0/24 ... public; 10.0.10.0/24 ... private for a /16), leaving
 * room to add AZs without renumbering. Blocks are /24 for a /16 VPC, VPC prefix + 8 in general
 * (at most /28), falling back to halves of the VPC split in 32 when the VPC is too small.
 */
export function defaultLayout(vpcCidr: string, azCount: number): SubnetLayout {
    const vpc = parseCidr(vpcCidr);
    if (!Number.isInteger(azCount) || azCount < 1) throw new Error(`azCount must be a positive integer, got ${azCount}`);
    const newPrefix = Math.min(vpc.prefix + 8, 28);
    const blocks = 2 ** (newPrefix - vpc.prefix);
    const privateStart = blocks >= 10 + azCount ? 10 : azCount;
    if (privateStart + azCount > blocks) {
        throw new Error(`${vpcCidr} is too small for ${azCount * 2} subnets of /${newPrefix}`);
    }
    const at = (i: number) => formatCidr(subnetAt(vpc, newPrefix, i));
    return {
        publicCidrs: Array.from({ length: azCount }, (_, i) => at(i)),
        privateCidrs: Array.from({ length: azCount }, (_, i) => at(privateStart + i)),
    };
}

/**
 * Every problem with a VPC block and its subnets: unparsable blocks, subnets outside the VPC,
 * subnets overlapping each other, and (AWS's limits) a VPC outside /16–/28. Empty when valid.
 */
export function layoutProblems(vpcCidr: string, subnets: readonly { name: string; cidr: string }[]): string[] {
    const problems: string[] = [];
    let vpc: Cidr;
    try {
        vpc = parseCidr(vpcCidr);
    } catch (e) {
        return [(e as Error).message];
    }
    if (vpc.prefix < 16 || vpc.prefix > 28) problems.push(`VPC block ${vpcCidr} must be between /16 and /28 (an AWS limit)`);
    const parsed: { name: string; cidr: Cidr }[] = [];
    for (const s of subnets) {
        try {
            const c = parseCidr(s.cidr);
            if (c.prefix > 28) problems.push(`${s.name} ${s.cidr} is smaller than /28 (an AWS limit)`);
            if (!contains(vpc, c)) problems.push(`${s.name} ${s.cidr} is not inside the VPC block ${vpcCidr}`);
            parsed.push({ name: s.name, cidr: c });
        } catch (e) {
            problems.push(`${s.name}: ${(e as Error).message}`);
        }
    }
    for (let i = 0; i < parsed.length; i++) {
        for (let j = i + 1; j < parsed.length; j++) {
            if (overlaps(parsed[i]!.cidr, parsed[j]!.cidr)) {
                problems.push(`${parsed[i]!.name} ${formatCidr(parsed[i]!.cidr)} overlaps ${parsed[j]!.name} ${formatCidr(parsed[j]!.cidr)}`);
            }
        }
    }
    return problems;
}
