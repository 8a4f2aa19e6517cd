// Writes assets/people.xlsx, the input of this sample: node bin/tsnode.js resources/samples/excel-to-web/make-data.ts
import ExcelJS from 'exceljs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const people = [
  { Name: 'Анна Петрова', Email: 'anna.petrova@example.com', Age: 31, City: 'Moscow', Subscribe: 'yes' },
  { Name: 'Борис Иванов', Email: 'boris.ivanov@example.com', Age: 45, City: 'Saint Petersburg', Subscribe: 'no' },
  { Name: 'Clara Schmidt', Email: 'clara.schmidt@example.com', Age: 28, City: 'Moscow', Subscribe: 'yes' },
  { Name: 'Дмитрий Соколов', Email: 'd.sokolov@example.com', Age: 52, City: 'Saint Petersburg', Subscribe: 'yes' },
  { Name: 'Елена Кузнецова', Email: 'elena.k@example.com', Age: 39, City: 'Moscow', Subscribe: 'no' },
];

export async function writePeople(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Cairn sample';
  const sheet = book.addWorksheet('People');
  sheet.columns = Object.keys(people[0]).map((key) => ({ header: key, key, width: key === 'Email' ? 30 : 18 }));
  sheet.addRows(people);
  sheet.getRow(1).font = { bold: true };
  await book.xlsx.writeFile(path);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const target = join(dirname(fileURLToPath(import.meta.url)), 'assets', 'people.xlsx');
  await writePeople(target);
  console.log(`Wrote ${target}`);
}
