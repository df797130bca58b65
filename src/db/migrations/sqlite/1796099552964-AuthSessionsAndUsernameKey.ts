import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillUsernameKeys } from '../backfill-username-keys';

export class AuthSessionsAndUsernameKey1796099552964 implements MigrationInterface {
  name = 'AuthSessionsAndUsernameKey1796099552964';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_user_unit"`);
    await queryRunner.query(`DROP INDEX "uq_user_username"`);
    await queryRunner.query(`CREATE TABLE "temporary_app_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "displayName" varchar(100) NOT NULL, "passwordHash" varchar(255) NOT NULL, "roles" text NOT NULL, "piiAccess" boolean NOT NULL DEFAULT (0), "unitId" varchar(36), "disabled" boolean NOT NULL DEFAULT (0), "tokenVersion" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), "usernameKey" varchar(191) NOT NULL, CONSTRAINT "fk_user_unit" FOREIGN KEY ("unitId") REFERENCES "unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    // the id stands in for the key until the backfill below computes it
    await queryRunner.query(`INSERT INTO "temporary_app_user"("id", "username", "displayName", "passwordHash", "roles", "piiAccess", "unitId", "disabled", "tokenVersion", "createdAt", "usernameKey") SELECT "id", "username", "displayName", "passwordHash", "roles", "piiAccess", "unitId", "disabled", "tokenVersion", "createdAt", "id" FROM "app_user"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`ALTER TABLE "temporary_app_user" RENAME TO "app_user"`);
    await queryRunner.query(`CREATE INDEX "ix_user_unit" ON "app_user" ("unitId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_username" ON "app_user" ("username") `);
    await backfillUsernameKeys(queryRunner, (name) => `"${name}"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_username_key" ON "app_user" ("usernameKey") `);
    await queryRunner.query(`CREATE TABLE "auth_session" ("id" varchar(36) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "generation" integer NOT NULL DEFAULT (0), "createdAt" datetime(3) NOT NULL, "expiresAt" datetime(3) NOT NULL, "revokedAt" datetime(3), CONSTRAINT "fk_auth_session_user" FOREIGN KEY ("userId") REFERENCES "app_user" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)`);
    await queryRunner.query(`CREATE INDEX "ix_auth_session_user" ON "auth_session" ("userId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_auth_session_user"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
    await queryRunner.query(`DROP INDEX "uq_user_username_key"`);
    await queryRunner.query(`DROP INDEX "uq_user_username"`);
    await queryRunner.query(`DROP INDEX "ix_user_unit"`);
    await queryRunner.query(`ALTER TABLE "app_user" RENAME TO "temporary_app_user"`);
    await queryRunner.query(`CREATE TABLE "app_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "displayName" varchar(100) NOT NULL, "passwordHash" varchar(255) NOT NULL, "roles" text NOT NULL, "piiAccess" boolean NOT NULL DEFAULT (0), "unitId" varchar(36), "disabled" boolean NOT NULL DEFAULT (0), "tokenVersion" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "fk_user_unit" FOREIGN KEY ("unitId") REFERENCES "unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "app_user"("id", "username", "displayName", "passwordHash", "roles", "piiAccess", "unitId", "disabled", "tokenVersion", "createdAt") SELECT "id", "username", "displayName", "passwordHash", "roles", "piiAccess", "unitId", "disabled", "tokenVersion", "createdAt" FROM "temporary_app_user"`);
    await queryRunner.query(`DROP TABLE "temporary_app_user"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_username" ON "app_user" ("username") `);
    await queryRunner.query(`CREATE INDEX "ix_user_unit" ON "app_user" ("unitId") `);
  }
}
