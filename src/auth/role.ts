import { registerEnumType } from 'type-graphql';

/** What a user may do; a user holds one or more roles. */
export enum Role {
  ADMIN = 'ADMIN',
  REGISTRAR = 'REGISTRAR',
  LEADER = 'LEADER',
  HANDLER = 'HANDLER',
  LIAISON = 'LIAISON',
  DEPUTY = 'DEPUTY',
  LEGAL_WORKER = 'LEGAL_WORKER',
  VIEWER = 'VIEWER',
}

registerEnumType(Role, {
  name: 'Role',
  description: '用户角色 (role)',
  valuesConfig: {
    ADMIN: { description: '系统管理员：管理单位、用户、节假日表 (administrator)' },
    REGISTRAR: { description: '信访科登记员：登记、受理、交转办、督办、答复 (registrar)' },
    LEADER: { description: '分管领导：阅批、领导督办 (leader)' },
    HANDLER: { description: '承办单位经办人 (handling unit clerk)' },
    LIAISON: { description: '一府两院联络员 (liaison of the government, court or procuratorate)' },
    DEPUTY: { description: '人大代表：参加联席会议 (deputy)' },
    LEGAL_WORKER: { description: '法制工作者：参加联席会议 (legal worker)' },
    VIEWER: { description: '只读用户，如上级人大 (read-only)' },
  },
});
