/**
 * Database credentials that survive RDS rotating its managed master secret: the password is
 * read from Secrets Manager when a connection opens (cached for `maxAgeMs`), and read again at
 * once when PostgreSQL refuses it (28P01), because after a rotation the cached one is stale.
 * Connections already open keep working: PostgreSQL checks a password only at login.
 */
import { GetSecretValueCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";

export interface Credentials {
    readonly username: string;
    readonly password: string;
}

export interface CredentialSource {
    get(): Promise<Credentials>;
    /** Forget the cached value: the next get() reads the secret again. */
    invalidate(): void;
}

export class SecretCredentials implements CredentialSource {
    private cached?: { value: Credentials; readAt: number };
    private inFlight?: Promise<Credentials>;

    constructor(
        private readonly client: SecretsManagerClient,
        private readonly secretArn: string,
        private readonly maxAgeMs: number,
        private readonly now: () => number = Date.now,
    ) {}

    async get(): Promise<Credentials> {
        if (this.cached && this.now() - this.cached.readAt < this.maxAgeMs) return this.cached.value;
        // One read for every connection the pool opens at once.
        this.inFlight ??= this.read().finally(() => (this.inFlight = undefined));
        return this.inFlight;
    }

    invalidate(): void {
        this.cached = undefined;
    }

    private async read(): Promise<Credentials> {
        const out = await this.client.send(new GetSecretValueCommand({ SecretId: this.secretArn }));
        if (out.SecretString === undefined) throw new Error(`secret ${this.secretArn} has no string value`);
        const parsed = JSON.parse(out.SecretString) as Partial<Credentials>;
        if (typeof parsed.username !== "string" || typeof parsed.password !== "string") throw new Error(`secret ${this.secretArn} lacks "username" and "password"`);
        const value = { username: parsed.username, password: parsed.password };
        this.cached = { value, readAt: this.now() };
        return value;
    }
}

/** A fixed user and password, for a local database. */
export class StaticCredentials implements CredentialSource {
    constructor(private readonly value: Credentials) {}
    async get(): Promise<Credentials> {
        return this.value;
    }
    invalidate(): void {}
}
