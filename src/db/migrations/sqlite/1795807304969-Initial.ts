import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795807304969 implements MigrationInterface {
  name = 'Initial1795807304969';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "login_throttle" ("key" varchar(191) PRIMARY KEY NOT NULL, "failures" integer NOT NULL DEFAULT (0), "windowStartedAt" datetime(3) NOT NULL, "lockedUntil" datetime(3))`);
    await queryRunner.query(`CREATE TABLE "unit" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(64) NOT NULL, "name" varchar(200) NOT NULL, "kind" varchar CHECK( "kind" IN ('CONGRESS','GOVERNMENT','DEPARTMENT','COURT','PROCURATORATE','OTHER') ) NOT NULL, "level" varchar CHECK( "level" IN ('PROVINCE','CITY','COUNTY','TOWNSHIP') ) NOT NULL, "parentId" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_unit_code" ON "unit" ("code") `);
    await queryRunner.query(`CREATE INDEX "ix_unit_parent" ON "unit" ("parentId") `);
    await queryRunner.query(`CREATE TABLE "app_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "displayName" varchar(100) NOT NULL, "passwordHash" varchar(255) NOT NULL, "roles" text NOT NULL, "piiAccess" boolean NOT NULL DEFAULT (0), "unitId" varchar(36), "disabled" boolean NOT NULL DEFAULT (0), "tokenVersion" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_username" ON "app_user" ("username") `);
    await queryRunner.query(`CREATE INDEX "ix_user_unit" ON "app_user" ("unitId") `);
    await queryRunner.query(`DROP INDEX "uq_user_username"`);
    await queryRunner.query(`DROP INDEX "ix_user_unit"`);
    await queryRunner.query(`CREATE TABLE "temporary_app_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "displayName" varchar(100) NOT NULL, "passwordHash" varchar(255) NOT NULL, "roles" text NOT NULL, "piiAccess" boolean NOT NULL DEFAULT (0), "unitId" varchar(36), "disabled" boolean NOT NULL DEFAULT (0), "tokenVersion" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')), CONSTRAINT "fk_user_unit" FOREIGN KEY ("unitId") REFERENCES "unit" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)`);
    await queryRunner.query(`INSERT INTO "temporary_app_user"("id", "username", "displayName", "passwordHash", "roles", "piiAccess", "unitId", "disabled", "tokenVersion", "createdAt") SELECT "id", "username", "displayName", "passwordHash", "roles", "piiAccess", "unitId", "disabled", "tokenVersion", "createdAt" FROM "app_user"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`ALTER TABLE "temporary_app_user" RENAME TO "app_user"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_username" ON "app_user" ("username") `);
    await queryRunner.query(`CREATE INDEX "ix_user_unit" ON "app_user" ("unitId") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_user_unit"`);
    await queryRunner.query(`DROP INDEX "uq_user_username"`);
    await queryRunner.query(`ALTER TABLE "app_user" RENAME TO "temporary_app_user"`);
    await queryRunner.query(`CREATE TABLE "app_user" ("id" varchar(36) PRIMARY KEY NOT NULL, "username" varchar(64) NOT NULL, "displayName" varchar(100) NOT NULL, "passwordHash" varchar(255) NOT NULL, "roles" text NOT NULL, "piiAccess" boolean NOT NULL DEFAULT (0), "unitId" varchar(36), "disabled" boolean NOT NULL DEFAULT (0), "tokenVersion" integer NOT NULL DEFAULT (0), "createdAt" datetime NOT NULL DEFAULT (datetime('now')))`);
    await queryRunner.query(`INSERT INTO "app_user"("id", "username", "displayName", "passwordHash", "roles", "piiAccess", "unitId", "disabled", "tokenVersion", "createdAt") SELECT "id", "username", "displayName", "passwordHash", "roles", "piiAccess", "unitId", "disabled", "tokenVersion", "createdAt" FROM "temporary_app_user"`);
    await queryRunner.query(`DROP TABLE "temporary_app_user"`);
    await queryRunner.query(`CREATE INDEX "ix_user_unit" ON "app_user" ("unitId") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_user_username" ON "app_user" ("username") `);
    await queryRunner.query(`DROP INDEX "ix_user_unit"`);
    await queryRunner.query(`DROP INDEX "uq_user_username"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP INDEX "ix_unit_parent"`);
    await queryRunner.query(`DROP INDEX "uq_unit_code"`);
    await queryRunner.query(`DROP TABLE "unit"`);
    await queryRunner.query(`DROP TABLE "login_throttle"`);
  }
}
