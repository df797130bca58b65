import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Next serial number per congress and year; locked for update inside the registering transaction. */
@Entity({ name: 'serial_counter' })
export class SerialCounter {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  congressId: string;

  @PrimaryColumn({ type: 'int' })
  year: number;

  @Column({ type: 'int' })
  next: number;
}
